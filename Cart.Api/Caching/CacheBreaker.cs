namespace Cart.Api.Caching;

/// <summary>
/// A circuit breaker around Redis: after a few consecutive failures the cache is skipped for a while, so a dead
/// or frozen Redis costs requests nothing; then a single probe may try it again. It also remembers when the cache
/// came back, because entries cached before then may predate writes that could not invalidate them.
/// </summary>
internal sealed class CacheBreaker(IOptions<CartOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private int _failures;
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;
    private bool _probing;
    private bool _wasOpen;

    /// <summary>Entries cached before this instant are not trusted (Unix milliseconds; 0 before any outage).</summary>
    public long TrustCachedAfter { get; private set; }

    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _openUntil > time.GetUtcNow() || _probing;
            }
        }
    }

    /// <summary>True when a call to Redis may be made now (closed, or the one half-open probe).</summary>
    public bool TryEnter()
    {
        lock (_gate)
        {
            if (_failures < options.Value.CacheBreakerFailures)
            {
                return true;
            }

            if (_openUntil > time.GetUtcNow() || _probing)
            {
                return false;
            }

            _probing = true;
            return true;
        }
    }

    public void RecordSuccess()
    {
        lock (_gate)
        {
            if (_wasOpen)
            {
                TrustCachedAfter = time.GetUtcNow().ToUnixTimeMilliseconds();
                _wasOpen = false;
            }

            _failures = 0;
            _probing = false;
        }
    }

    public void RecordFailure()
    {
        lock (_gate)
        {
            _probing = false;
            _failures++;
            _wasOpen = true; // even one failed write may have left a stale entry behind
            if (_failures >= options.Value.CacheBreakerFailures)
            {
                _openUntil = time.GetUtcNow() + options.Value.CacheBreakerOpenFor;
            }
        }
    }
}
