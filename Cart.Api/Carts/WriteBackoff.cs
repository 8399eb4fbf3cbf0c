namespace Cart.Api.Carts;

/// <summary>
/// The pause before a cart write's next attempt. Jitter spreads writers that collided (on other instances), so they do
/// not collide again on the next read; throttling waits longer, since retrying at once only adds to the load DynamoDB
/// is shedding.
/// </summary>
internal static class WriteBackoff
{
    public static TimeSpan Before(int attempt, bool throttled)
    {
        var ceiling = throttled ? Math.Min(1000, 50 << Math.Min(attempt, 5)) : Math.Min(100, 5 << Math.Min(attempt, 5));
        return TimeSpan.FromMilliseconds(Random.Shared.Next(1, ceiling));
    }
}
