using Cart.Api;
using Cart.Api.Caching;
using Cart.Api.Contracts;
using Cart.Api.Model;
using Microsoft.Extensions.Options;
using Xunit;

namespace UnitTests.Carts;

public sealed class LocalCartCacheTests : IDisposable
{
    private const long Now = 1_700_000_000_000;
    private const long Later = Now + 20_000;
    private readonly LocalCartCache _local = new(Options.Create(new CartOptions { LocalCacheMaxBytes = 1L << 20 }));

    [Fact]
    public void A_filled_entry_is_held_until_the_redis_entry_it_copies_would_expire()
    {
        _local.Fill(_local.Reserve("c1"), Entry("c1", 3), Later);

        Assert.Equal(3, _local.TryGet("c1", Now)?.Version);
        Assert.Null(_local.TryGet("c1", Later));
        Assert.Null(_local.TryGet("c2", Now));
    }

    [Fact]
    public void An_invalidation_drops_older_versions_and_keeps_the_announced_one()
    {
        _local.Fill(_local.Reserve("c1"), Entry("c1", 3), Later);
        _local.Invalidate("c1", 3);
        Assert.Equal(3, _local.TryGet("c1", Now)?.Version);

        _local.Invalidate("c1", 4);
        Assert.Null(_local.TryGet("c1", Now));
    }

    [Fact]
    public void A_fill_read_before_an_invalidation_of_its_cart_is_refused()
    {
        var slowRead = _local.Reserve("c1");
        var otherCart = _local.Reserve("c2");
        _local.Invalidate("c1", 4); // announced while the read of version 3 was on its way

        Assert.False(_local.Fill(slowRead, Entry("c1", 3), Later));
        Assert.Null(_local.TryGet("c1", Now));
        Assert.True(_local.Fill(otherCart, Entry("c2", 1), Later) || StripeShared("c1", "c2"));
    }

    [Fact]
    public void Clearing_drops_everything_and_refuses_every_fill_in_flight()
    {
        _local.Fill(_local.Reserve("c1"), Entry("c1", 3), Later);
        var inFlight = _local.Reserve("c2");

        _local.Clear();

        Assert.Null(_local.TryGet("c1", Now));
        Assert.False(_local.Fill(inFlight, Entry("c2", 1), Later));
        Assert.True(_local.Fill(_local.Reserve("c2"), Entry("c2", 1), Later));
    }

    [Fact]
    public void The_tier_holds_no_more_than_its_byte_budget()
    {
        for (var i = 0; i < 2_000; i++) // 2,000 carts of ~1 KB against a 1 MB budget
        {
            _local.Fill(_local.Reserve($"c{i}"), Entry($"c{i}", 1, lines: 8), Later);
        }

        var held = Enumerable.Range(0, 2_000).Count(i => _local.TryGet($"c{i}", Now) is not null);
        Assert.InRange(held, 1, 1_000);
    }

    public void Dispose() => _local.Dispose();

    private static bool StripeShared(string a, string b) =>
        (uint)StringComparer.Ordinal.GetHashCode(a) % 64 == (uint)StringComparer.Ordinal.GetHashCode(b) % 64;

    private static CachedCart Entry(string cartId, long version, int lines = 1)
    {
        var header = new CartHeader(cartId, "EUR", CartStatus.Open, version, "t", "t", null, "device-1", null);
        var view = CartView.Of(CartRenderer.Render(new CartSnapshot(
            header,
            [.. Enumerable.Range(0, lines).Select(i => new CartLine($"SKU-{i}", "size:M", 2, new Dictionary<string, string> { ["size"] = "M" }, new Money(137, "EUR"), "web", "2026-11-24T23:05:41.649Z"))],
            [])));
        return new CachedCart(version, Now, CartStatus.Open, "device-1", null, null, view);
    }
}
