using CircuitBreaking;

namespace Cart.Api.Caching;

/// <summary>
/// The shared <see cref="CircuitBreaker"/> around Redis: after <see cref="CartOptions.CacheBreakerFailures"/>
/// consecutive failures the cache is skipped for <see cref="CartOptions.CacheBreakerOpenFor"/>, so a dead or frozen
/// Redis costs requests nothing; then a single probe may try it again. A streak suits Redis, whose calls fail fast.
/// On top, it remembers when the cache came back, because entries cached before then may predate writes that could
/// not invalidate them.
/// </summary>
internal sealed class CacheBreaker(IOptions<CartOptions> options, TimeProvider time)
{
    private readonly CircuitBreaker _breaker = new(new ConsecutiveFailures(options.Value.CacheBreakerFailures), options.Value.CacheBreakerOpenFor, time);
    private long _trustCachedAfter;
    private int _failedSinceTrusted;

    /// <summary>Entries cached before this instant are not trusted (Unix milliseconds; 0 before any outage).</summary>
    public long TrustCachedAfter => Interlocked.Read(ref _trustCachedAfter);

    public bool IsOpen => _breaker.IsOpen;

    /// <summary>True when a call to Redis may be made now (closed, or the one half-open probe).</summary>
    public bool TryEnter() => _breaker.Enter().Allowed;

    public void RecordSuccess()
    {
        if (Interlocked.Exchange(ref _failedSinceTrusted, 0) == 1)
        {
            Interlocked.Exchange(ref _trustCachedAfter, time.GetUtcNow().ToUnixTimeMilliseconds());
        }

        _breaker.RecordSuccess();
    }

    public void RecordFailure()
    {
        Interlocked.Exchange(ref _failedSinceTrusted, 1); // even one failed write may have left a stale entry behind

        // Callers do not say which call was the probe; Redis calls fail fast (FailFastRedis), so a failure while the probe
        // is out is taken for the probe's, and one during the break for a straggler's.
        _breaker.RecordFailure(probe: _breaker.ProbeOut);
    }
}
