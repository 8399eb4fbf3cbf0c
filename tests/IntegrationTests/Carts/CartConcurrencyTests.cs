using System.Net;

namespace IntegrationTests.Carts;

/// <summary>Many writers on one cart at once lose nothing.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CartConcurrencyTests(PlatformFixture platform)
{
    [Fact]
    public async Task Fifty_concurrent_adds_with_distinct_keys_end_with_the_exact_summed_quantity()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = i % 2 == 0 ? "SKU-3" : "SKU-4", qty = 1 + (i % 3) }, $"add-{cartId}-{i}")));

        var statuses = responses.Select(response => response.StatusCode).ToList();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        var expected3 = Enumerable.Range(0, 50).Where(i => i % 2 == 0).Sum(i => 1 + (i % 3));
        var expected4 = Enumerable.Range(0, 50).Where(i => i % 2 == 1).Sum(i => 1 + (i % 3));
        var (_, cart) = await shopper.GetAsync($"/carts/{cartId}");
        Assert.Equal(expected3, CartClient.QuantityOf(cart, "SKU-3"));
        Assert.Equal(expected4, CartClient.QuantityOf(cart, "SKU-4"));
        Assert.Equal(51, cart.GetProperty("version").GetInt64()); // one version per add, none lost
    }
}
