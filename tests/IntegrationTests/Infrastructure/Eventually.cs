namespace IntegrationTests.Infrastructure;

/// <summary>Waits on a condition instead of sleeping a guessed amount.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }

            await Task.Delay(100, deadline.Token);
        }
    }
}
