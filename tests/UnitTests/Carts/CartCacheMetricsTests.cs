using System.Diagnostics.Metrics;
using Cart.Api.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace UnitTests.Carts;

public sealed class CartCacheMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly CartCacheMetrics _metrics;
    private readonly MetricCollector<long> _lookups;
    private readonly MetricCollector<long> _invalidations;
    private readonly MetricCollector<long> _writeBases;
    private readonly MetricCollector<long> _fills;

    public CartCacheMetricsTests()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        _metrics = new CartCacheMetrics(meters);
        _lookups = new MetricCollector<long>(meters, CartCacheMetrics.MeterName, "cart.cache.lookups");
        _invalidations = new MetricCollector<long>(meters, CartCacheMetrics.MeterName, "cart.cache.invalidations");
        _writeBases = new MetricCollector<long>(meters, CartCacheMetrics.MeterName, "cart.write.bases");
        _fills = new MetricCollector<long>(meters, CartCacheMetrics.MeterName, "cart.cache.fills");
    }

    [Fact]
    public void Lookups_are_counted_by_tier_and_result_so_each_tier_has_a_hit_ratio()
    {
        _metrics.Lookup(CacheTier.Local, CacheLookup.Hit);
        _metrics.Lookup(CacheTier.Local, CacheLookup.Miss);
        _metrics.Lookup(CacheTier.Redis, CacheLookup.Hit);
        _metrics.Lookup(CacheTier.DynamoDb, CacheLookup.Hit);

        var byTier = _lookups.GetMeasurementSnapshot()
            .GroupBy(m => (string)m.Tags["tier"]!)
            .ToDictionary(g => g.Key, g => (Hits: g.Count(m => (string)m.Tags["result"]! == CacheLookup.Hit), Lookups: g.Count()));
        Assert.Equal((1, 2), byTier["local"]);
        Assert.Equal((1, 1), byTier["redis"]);
        Assert.Equal((1, 1), byTier["dynamodb"]);
    }

    [Fact]
    public void Invalidations_are_counted_by_what_became_of_them()
    {
        _metrics.Invalidation(InvalidationResult.Applied);
        _metrics.Invalidation(InvalidationResult.Gap);

        Assert.Equal(["applied", "gap"], _invalidations.GetMeasurementSnapshot().Select(m => (string)m.Tags["result"]!));
    }

    [Fact]
    public void Change_attempts_are_counted_by_where_their_cart_came_from()
    {
        _metrics.WriteBase(WriteBase.Cache);
        _metrics.WriteBase(WriteBase.CacheBehind);
        _metrics.WriteBase(WriteBase.DynamoDb);

        Assert.Equal(["cache", "cache_behind", "dynamodb"], _writeBases.GetMeasurementSnapshot().Select(m => (string)m.Tags["source"]!));
    }

    [Fact]
    public void Fills_of_carts_read_from_DynamoDB_are_counted_by_what_became_of_them()
    {
        _metrics.Fill(CacheFill.Stored);
        _metrics.Fill(CacheFill.Revoked);
        _metrics.Fill(CacheFill.NotLeased);

        Assert.Equal(["stored", "revoked", "not_leased"], _fills.GetMeasurementSnapshot().Select(m => (string)m.Tags["result"]!));
    }

    public void Dispose()
    {
        _fills.Dispose();
        _writeBases.Dispose();
        _lookups.Dispose();
        _invalidations.Dispose();
        _metrics.Dispose();
        _services.Dispose();
    }
}
