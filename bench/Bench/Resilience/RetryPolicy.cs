namespace Bench.Resilience;

/// <summary>
/// A well-behaved client: after no answer, a 5xx, a 429 or a 409 (the same key still in flight, or a lost race) it
/// sends the same request — the same Idempotency-Key — again after <c>Retry-After</c>, a bounded number of times.
/// </summary>
internal static class RetryPolicy
{
    public const int MaxAttempts = 5;

    public static bool IsRetryable(int status) => status is WindowStats.NoAnswer or 409 or 429 or >= 500;

    /// <summary>How long to wait before attempt <paramref name="attempt"/> + 1: the server's Retry-After, else a growing pause.</summary>
    public static TimeSpan Delay(HttpResponseMessage? response, int attempt)
    {
        var fallback = TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt - 1));
        var advised = response?.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => fallback,
        };
        return TimeSpan.FromMilliseconds(Math.Clamp(advised.TotalMilliseconds, 100, 5000));
    }
}
