using System.Net;
using Amazon.DynamoDBv2.Model;
using IntegrationTests.Carts;
using IntegrationTests.Commerce;

namespace IntegrationTests.Catalog;

/// <summary>The development seed as the cart-api replicas wrote it at start: once, whole, stocked hot SKUs, one currency.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CatalogSeedTests(PlatformFixture platform)
{
    private const int SeedProducts = 3000;

    [Fact]
    public async Task Of_the_replicas_that_started_together_exactly_one_wrote_the_catalog_and_it_is_complete_and_marked_done()
    {
        var replicas = platform.App.ReplicaNames("cart-api");
        var outcomes = new List<string>();
        foreach (var replica in replicas)
        {
            var lines = await platform.App.ConsoleLinesAsync(replica);
            outcomes.Add(Assert.Single(lines, line => line.Contains("Catalog seed checked", StringComparison.Ordinal)).Trim());
        }

        await using var storage = await CartStorage.ConnectAsync(platform);
        var marker = (await storage.DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = "carts",
            Key = new() { ["PK"] = new AttributeValue("SEED#catalog"), ["SK"] = new AttributeValue("CATALOG") },
            ConsistentRead = true,
        })).Item;
        var products = await CountProductsAsync(storage);

        Assert.True(replicas.Count >= 2, "the platform runs one replica: nothing raced");
        var seen = string.Join(" | ", outcomes);
        Assert.True(outcomes.Count(line => line.EndsWith("Catalog seed checked: Written", StringComparison.Ordinal)) == 1, seen);
        Assert.Equal(replicas.Count - 1, outcomes.Count(line => line.EndsWith("Catalog seed checked: Present", StringComparison.Ordinal)));
        Assert.Equal("DONE", marker.GetValueOrDefault("seedStatus")?.S);
        Assert.Equal(SeedProducts, products);
    }

    private static async Task<int> CountProductsAsync(CartStorage storage)
    {
        var found = 0;
        foreach (var chunk in Enumerable.Range(1, SeedProducts).Chunk(100))
        {
            var pending = new Dictionary<string, KeysAndAttributes>
            {
                ["carts"] = new() { Keys = [.. chunk.Select(n => new Dictionary<string, AttributeValue> { ["PK"] = new($"PRODUCT#SKU-{n}"), ["SK"] = new("CATALOG") })] },
            };
            while (pending.Count > 0)
            {
                var response = await storage.DynamoDb.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = pending });
                found += response.Responses.TryGetValue("carts", out var items) ? items.Count : 0;
                pending = response.UnprocessedKeys is { Count: > 0 } unprocessed ? unprocessed : [];
            }
        }

        return found;
    }

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
