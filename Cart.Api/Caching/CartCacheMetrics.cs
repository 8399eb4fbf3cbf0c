using System.Diagnostics.Metrics;

namespace Cart.Api.Caching;

/// <summary>
/// How cart reads are served: <c>cart.cache.lookups</c> by result (hit; miss; skipped while the breaker is open; failed;
/// untrusted, an entry older than the last outage or of an older format) and <c>cart.store.loads</c>, the consistent reads the misses caused.
/// </summary>
internal sealed class CartCacheMetrics : IDisposable
{
    public const string MeterName = "Cart.Api.Cache";

    private readonly Meter _meter;
    private readonly Counter<long> _lookups;
    private readonly Counter<long> _loads;

    public CartCacheMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _lookups = _meter.CreateCounter<long>("cart.cache.lookups", "{lookup}", "Cart cache lookups by result.");
        _loads = _meter.CreateCounter<long>("cart.store.loads", "{load}", "Consistent DynamoDB reads of a cart after a cache miss (coalesced per cart).");
    }

    public void Lookup(string result) => _lookups.Add(1, new KeyValuePair<string, object?>("result", result));

    public void Loaded() => _loads.Add(1);

    public void Dispose() => _meter.Dispose();
}

/// <summary>The results <see cref="CartCacheMetrics.Lookup"/> records.</summary>
internal static class CacheLookup
{
    public const string Hit = "hit";
    public const string Miss = "miss";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
    public const string Untrusted = "untrusted";
}
