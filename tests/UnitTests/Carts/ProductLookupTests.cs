using Cart.Api.Catalog;
using Cart.Api.Model;
using Xunit;

namespace UnitTests.Carts;

public class ProductLookupTests
{
    private readonly List<string> _reads = [];
    private long _price = 1999;

    [Fact]
    public async Task A_product_read_once_is_reused_until_its_lifetime_ends()
    {
        using var lookup = new ProductLookup(FindAsync, TimeSpan.FromMilliseconds(200));

        var first = await lookup.FindAsync("SKU-1", default);
        _price = 2999;
        var cached = await lookup.FindAsync("SKU-1", default);
        await Task.Delay(400);
        var fresh = await lookup.FindAsync("SKU-1", default);

        Assert.Equal(1999, first!.Price.Amount);
        Assert.Equal(1999, cached!.Price.Amount);
        Assert.Equal(2999, fresh!.Price.Amount);
        Assert.Equal(["SKU-1", "SKU-1"], _reads);
    }

    [Fact]
    public async Task An_unknown_sku_is_remembered_too()
    {
        using var lookup = new ProductLookup(FindAsync, TimeSpan.FromMinutes(1));

        Assert.Null(await lookup.FindAsync("NOPE", default));
        Assert.Null(await lookup.FindAsync("NOPE", default));

        Assert.Single(_reads);
    }

    [Fact]
    public async Task A_zero_lifetime_reads_every_time()
    {
        using var lookup = new ProductLookup(FindAsync, TimeSpan.Zero);

        await lookup.FindAsync("SKU-1", default);
        await lookup.FindAsync("SKU-1", default);

        Assert.Equal(2, _reads.Count);
    }

    private Task<Product?> FindAsync(string sku, CancellationToken cancellationToken)
    {
        _reads.Add(sku);
        return Task.FromResult(sku.StartsWith("SKU-", StringComparison.Ordinal) ? new Product(sku, sku, new Money(_price, "USD")) : null);
    }
}
