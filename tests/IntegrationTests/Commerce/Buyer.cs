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

    public static async Task<Buyer> ArriveAsync(PlatformFixture platform, string sku, int qty, long funds = 1_000_000)
    {
        var client = CartClient.ThroughGateway(platform, $"buyer-{Guid.NewGuid():N}");
        using var opened = await client.SendAsync(HttpMethod.Post, "/accounts", new { currency = "USD" });
        var body = await opened.Content.ReadAsStringAsync();
        Assert.True(opened.StatusCode == HttpStatusCode.Created, $"POST /accounts answered {(int)opened.StatusCode}: {body}");
        var accountId = JsonDocument.Parse(body).RootElement.GetProperty("accountId").GetString()!;
        using var deposit = await client.SendAsync(HttpMethod.Post, $"/accounts/{accountId}/deposits", new { amount = funds, currency = "USD" }, Guid.NewGuid().ToString());
        Assert.True(deposit.IsSuccessStatusCode, $"deposit answered {(int)deposit.StatusCode}: {await deposit.Content.ReadAsStringAsync()}");
        var cartId = await client.CreateCartAsync();
        await client.AddAsync(cartId, sku, qty);
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

    /// <summary>
    /// As a client with a durable key does: a 503 (DynamoDB did not answer in time under the crowd, or the service refused
    /// while it was away) is sent again with the same key after a pause, until the answer is definite.
    /// </summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> CheckoutUntilDefiniteAsync(string? slotId)
    {
        var key = Guid.NewGuid().ToString();
        for (var attempt = 1; ; attempt++)
        {
            var answer = await CheckoutAsync(slotId, key);
            if (answer.Status != HttpStatusCode.ServiceUnavailable || attempt == 10)
            {
                return answer;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    public void Dispose() => Client.Dispose();
}
