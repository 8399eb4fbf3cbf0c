using System.Net;
using System.Text.Json;
using IntegrationTests.Carts;

namespace IntegrationTests.Commerce;

/// <summary>A signed-in shopper with a funded account and an open cart holding one line, ready to check out.</summary>
public sealed class Buyer(CartClient client, string accountId, string cartId) : IDisposable
{
    public CartClient Client { get; } = client;

    public string AccountId { get; } = accountId;

    public string CartId { get; } = cartId;

    /// <summary>Opens and funds an account and fills a cart, each step retried as <see cref="CartClient.SendUntilDefiniteAsync"/> does.</summary>
    public static async Task<Buyer> ArriveAsync(PlatformFixture platform, string sku, int qty, long funds = 1_000_000)
    {
        var client = CartClient.ThroughGateway(platform, $"buyer-{Guid.NewGuid():N}");
        var accountId = (await SucceedAsync(client, HttpMethod.Post, "/accounts", new { currency = "USD" })).GetProperty("accountId").GetString()!;
        await SucceedAsync(client, HttpMethod.Post, $"/accounts/{accountId}/deposits", new { amount = funds, currency = "USD" });
        var cartId = (await SucceedAsync(client, HttpMethod.Post, "/carts", new { })).GetProperty("cartId").GetString()!;
        await SucceedAsync(client, HttpMethod.Post, $"/carts/{cartId}/items", new { sku, qty });
        return new Buyer(client, accountId, cartId);
    }

    /// <summary>Many buyers, a few arriving at a time (arranging is not what the tests measure).</summary>
    public static async Task<Buyer[]> ArriveAsync(PlatformFixture platform, int count, string sku, int qty)
    {
        var buyers = new Buyer[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            buyers[i] = await ArriveAsync(platform, sku, qty));
        return buyers;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> CheckoutAsync(string? slotId, string? key = null)
    {
        using var response = await Client.SendAsync(HttpMethod.Post, $"/carts/{CartId}/checkout", new { accountId = AccountId, slotId }, key ?? Guid.NewGuid().ToString());
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A checkout with a durable key, sent again until its answer is definite (<see cref="CartClient.SendUntilDefiniteAsync"/>).</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> CheckoutUntilDefiniteAsync(string? slotId)
    {
        using var response = await Client.SendUntilDefiniteAsync(HttpMethod.Post, $"/carts/{CartId}/checkout", new { accountId = AccountId, slotId }, Guid.NewGuid().ToString());
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<JsonElement> SucceedAsync(CartClient client, HttpMethod method, string path, object body)
    {
        using var response = await client.SendUntilDefiniteAsync(method, path, body, Guid.NewGuid().ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => Client.Dispose();
}
