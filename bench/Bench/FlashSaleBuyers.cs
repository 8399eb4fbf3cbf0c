using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Bench;

/// <summary>
/// Signed-in buyers for the flash-sale scenario: a few users with funded accounts, and for each checkout a fresh cart
/// holding one unit of the hot SKU (a checked-out cart cannot be bought again), made before the step that uses them
/// through <c>setup</c>, a client with a patient timeout: arranging is not measured, and a busy machine's first
/// requests are slow. Each buyer keeps one device cookie, as a browser would: the gateway issues a new device to a
/// request without one, and a cart is its device's.
/// </summary>
internal sealed class FlashSaleBuyers(HttpClient gateway, HttpClient setup, Buyer[] payers)
{
    private const int ArrangedInFlight = 8;

    public static async Task<FlashSaleBuyers> ArriveAsync(DistributedApplication platform, HttpClient gateway, HttpClient setup, int count, CancellationToken cancellationToken)
    {
        var issuer = platform.TokenIssuer();
        var payers = new Buyer[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = ArrangedInFlight, CancellationToken = cancellationToken }, async (n, ct) =>
        {
            var token = issuer.MintToken($"bench-buyer-{n}-{Guid.NewGuid():N}", DateTimeOffset.UtcNow, TimeSpan.FromHours(4));
            var buyer = new Buyer(token, $"benchdevice{n:00}{Guid.NewGuid():N}", string.Empty);
            var account = await SendAsync(setup, HttpMethod.Post, "/accounts", buyer, new { currency = "USD" }, ct);
            payers[n] = buyer with { AccountId = account.GetProperty("accountId").GetString()! };
            await SendAsync(setup, HttpMethod.Post, $"/accounts/{payers[n].AccountId}/deposits", payers[n], new { amount = 1_000_000_000_000L, currency = "USD" }, ct);
        });
        return new FlashSaleBuyers(gateway, setup, payers);
    }

    /// <summary>Carts with one unit of <paramref name="sku"/>, spread over the payers, a few made at a time.</summary>
    public async Task<(Buyer Buyer, string CartId)[]> CartsAsync(string sku, int count, CancellationToken cancellationToken)
    {
        var carts = new (Buyer, string)[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = ArrangedInFlight, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var buyer = payers[i % payers.Length];
            var cartId = (await SendAsync(setup, HttpMethod.Post, "/carts", buyer, new { }, ct)).GetProperty("cartId").GetString()!;
            await SendAsync(setup, HttpMethod.Post, $"/carts/{cartId}/items", buyer, new { sku, qty = 1 }, ct);
            carts[i] = (buyer, cartId);
        });
        return carts;
    }

    /// <summary>The measured request: one checkout through the load client.</summary>
    public async Task<bool> CheckoutAsync((Buyer Buyer, string CartId) cart, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, $"/carts/{cart.CartId}/checkout", cart.Buyer, new { accountId = cart.Buyer.AccountId });
        using var response = await gateway.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    /// <summary>An arranging request (<see cref="Arrangement"/>): one Idempotency-Key for all its attempts.</summary>
    public static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, Buyer buyer, object body, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString("N");
        using var response = await Arrangement.SendAsync(client, () => Request(method, path, buyer, body, key), cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, Buyer buyer, object body, string? key = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", buyer.Token);
        request.Headers.Add("Cookie", $"deviceId={buyer.Device}");
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        return request;
    }
}

/// <summary>A bench buyer: the bearer token, the device cookie and the funded account.</summary>
internal sealed record Buyer(string Token, string Device, string AccountId);
