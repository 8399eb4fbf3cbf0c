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

    /// <summary>
    /// Whether a call to Redis may be made now (closed, or the one half-open probe). An allowed call ends in
    /// <see cref="RecordSuccess"/>, <see cref="RecordFailure"/> or, with no verdict, <see cref="Abandon"/>.
    /// </summary>
    public CircuitEntry Enter() => _breaker.Enter();

    public void RecordSuccess()
    {
        if (Interlocked.Exchange(ref _failedSinceTrusted, 0) == 1)
        {
            Interlocked.Exchange(ref _trustCachedAfter, time.GetUtcNow().ToUnixTimeMilliseconds());
        }

        _breaker.RecordSuccess();
    }

    /// <summary>The call let in by <paramref name="entry"/> failed; while the breaker is open only the probe's failure counts.</summary>
    public void RecordFailure(CircuitEntry entry)
    {
        Interlocked.Exchange(ref _failedSinceTrusted, 1); // even one failed write may have left a stale entry behind
        _breaker.RecordFailure(entry.IsProbe);
    }

    /// <summary>
    /// Redis was not even connected, so no call was made: a failure of a closed breaker's streak (and a write skipped now
    /// may leave a stale entry behind), never the probe's.
    /// </summary>
    public void RecordUnreachable()
    {
        Distrust();
        _breaker.RecordFailure(probe: false);
    }

    /// <summary>
    /// A connection to Redis was lost: what Redis holds when it answers again may predate writes acknowledged before
    /// (a failover to a replica that had not received them), so entries cached before that answer are not trusted.
    /// </summary>
    public void Distrust() => Interlocked.Exchange(ref _failedSinceTrusted, 1);

    /// <summary>The call ended with no verdict (an error that says nothing of Redis): a probe is given back for the next call.</summary>
    public void Abandon(CircuitEntry entry)
    {
        if (entry.IsProbe)
        {
            _breaker.AbandonProbe();
        }
    }
}
