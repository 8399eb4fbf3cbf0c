using System.Diagnostics.Metrics;

namespace Cart.Api.Caching;

/// <summary>
/// How cart reads are served, tier by tier: <c>cart.cache.lookups</c> by <c>tier</c> (local, redis, dynamodb) and
/// <c>result</c> (hit; miss; skipped while the breaker is open or the local tier cannot prove it is current; failed;
/// untrusted, an entry older than the last outage or of an older format; expired, a Redis entry past its lifetime kept
/// as the last-known copy) — the hit ratio of a tier is its hits over its lookups —, <c>cart.cache.stale_served</c>,
/// reads answered with a last-known copy because DynamoDB could not answer, and <c>cart.cache.invalidations</c>, the
/// channel's messages by what became of them, and <c>cart.write.bases</c>, where each change's starting cart came from
/// (<c>source</c> = cache; cache_behind, a cached cart the commit found behind the table; dynamodb), and
/// <c>cart.cache.fills</c>, what became of the Redis fills of carts read from DynamoDB (<see cref="CacheFill"/>).
/// </summary>
internal sealed class CartCacheMetrics : IDisposable
{
    public const string MeterName = "Cart.Api.Cache";

    private readonly Meter _meter;
    private readonly Counter<long> _lookups;
    private readonly Counter<long> _invalidations;
    private readonly Counter<long> _staleServed;
    private readonly Counter<long> _writeBases;
    private readonly Counter<long> _fills;

    public CartCacheMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _lookups = _meter.CreateCounter<long>("cart.cache.lookups", "{lookup}", "Cart reads by the tier that was asked (local, redis, dynamodb) and its result.");
        _invalidations = _meter.CreateCounter<long>("cart.cache.invalidations", "{message}", "Invalidation channel messages and losses by result.");
        _staleServed = _meter.CreateCounter<long>("cart.cache.stale_served", "{read}", "Cart reads answered with a last-known copy, marked stale, because DynamoDB could not answer.");
        _writeBases = _meter.CreateCounter<long>("cart.write.bases", "{attempt}", "Cart change attempts by where their starting cart came from (cache, dynamodb) and whether a cached one was behind.");
        _fills = _meter.CreateCounter<long>("cart.cache.fills", "{fill}", "Redis fills of carts read from DynamoDB by result (stored, revoked by a newer version, not leased).");
    }

    public void Lookup(string tier, string result) =>
        _lookups.Add(1, new KeyValuePair<string, object?>("tier", tier), new KeyValuePair<string, object?>("result", result));

    public void StaleServed() => _staleServed.Add(1);

    /// <summary>A change attempt started from <paramref name="source"/> (<see cref="WriteBase"/>).</summary>
    public void WriteBase(string source) => _writeBases.Add(1, new KeyValuePair<string, object?>("source", source));

    /// <summary>A fill of a cart read from DynamoDB came to <paramref name="result"/> (<see cref="CacheFill"/>).</summary>
    public void Fill(string result) => _fills.Add(1, new KeyValuePair<string, object?>("result", result));

    public void Invalidation(string result) => _invalidations.Add(1, new KeyValuePair<string, object?>("result", result));

    public void Dispose() => _meter.Dispose();
}

/// <summary>The tiers <see cref="CartCacheMetrics.Lookup"/> records.</summary>
internal static class CacheTier
{
    public const string Local = "local";
    public const string Redis = "redis";
    public const string DynamoDb = "dynamodb";
}

/// <summary>The results <see cref="CartCacheMetrics.Lookup"/> records.</summary>
internal static class CacheLookup
{
    public const string Hit = "hit";
    public const string Miss = "miss";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
    public const string Untrusted = "untrusted";
    public const string Expired = "expired";
}

/// <summary>Where a change attempt's starting cart came from (<see cref="CartCacheMetrics.WriteBase"/>).</summary>
internal static class WriteBase
{
    /// <summary>The cache tiers held the whole cart.</summary>
    public const string Cache = "cache";

    /// <summary>A cached cart the commit found behind the table: the change started again from DynamoDB.</summary>
    public const string CacheBehind = "cache_behind";

    /// <summary>A consistent DynamoDB read.</summary>
    public const string DynamoDb = "dynamodb";
}

/// <summary>The results <see cref="CartCacheMetrics.Invalidation"/> records.</summary>
internal static class InvalidationResult
{
    /// <summary>A message applied to the local tier.</summary>
    public const string Applied = "applied";

    /// <summary>A sequence number skipped: messages were lost, the local tier was emptied.</summary>
    public const string Gap = "gap";

    /// <summary>An announced change not received within the cache timeout: the local tier was emptied.</summary>
    public const string Missed = "missed";

    /// <summary>The subscription dropped: the local tier was emptied until it is back.</summary>
    public const string Disconnected = "disconnected";

    /// <summary>A message that is not an invalidation.</summary>
    public const string Malformed = "malformed";
}

/// <summary>What became of a Redis fill of a cart read from DynamoDB (<see cref="CartCacheMetrics.Fill"/>).</summary>
internal static class CacheFill
{
    /// <summary>Written (unless Redis already held a newer version).</summary>
    public const string Stored = "stored";

    /// <summary>Not written: a version announced after the read began revoked its fill lease.</summary>
    public const string Revoked = "revoked";

    /// <summary>Not written: another read of the cart held the fill lease.</summary>
    public const string NotLeased = "not_leased";
}
