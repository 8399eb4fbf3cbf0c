using System.Net;
using IntegrationTests.Carts;
using IntegrationTests.Commerce;

namespace IntegrationTests.Catalog;

/// <summary>The development seed as both cart-api replicas wrote it at start: stocked hot SKUs, one currency.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CatalogSeedTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_seeds_hot_skus_have_their_stock_in_eight_shards_written_once_by_two_replicas()
    {
        using var admin = new CommerceAdmin(platform);

        var shards = await admin.ShardsAsync("SKU-102"); // a hot SKU of the seed no test buys

        Assert.Equal(8, shards.Length);
        Assert.Equal(10_000, shards.Sum());
        Assert.All(shards, available => Assert.Equal(1_250, available));
    }

    [Fact]
    public async Task A_price_in_another_currency_than_the_catalogs_is_refused_and_the_price_stays()
    {
        using var admin = CartClient.ThroughGateway(platform, $"admin-{Guid.NewGuid():N}");
        var before = (await admin.GetAsync("/catalog/products/SKU-2995")).Body.GetProperty("price");

        using var response = await admin.SendAsync(HttpMethod.Put, "/admin/catalog/products/SKU-2995/price", new { amount = 100, currency = "EUR" });
        var after = (await admin.GetAsync("/catalog/products/SKU-2995")).Body.GetProperty("price");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("\"currency\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before.ToString(), after.ToString());
        Assert.Equal("USD", after.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task Every_product_of_a_category_is_priced_in_the_catalogs_currency()
    {
        using var shopper = CartClient.ThroughGateway(platform);

        // Dairy held every thirtieth SKU in EUR when the seed mixed currencies.
        var (status, page) = await shopper.GetAsync("/catalog/categories/dairy/products?limit=100");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.All(page.GetProperty("items").EnumerateArray(), p => Assert.Equal("USD", p.GetProperty("price").GetProperty("currency").GetString()));
    }
}
