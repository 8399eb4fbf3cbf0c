using System.Net.Http.Json;
using System.Text.Json;

namespace Bench;

/// <summary>Guest carts made through the gateway, each with the deviceId cookie that owns it.</summary>
internal sealed record GuestCart(string CartId, string Cookie)
{
    public static async Task<GuestCart[]> CreateAsync(HttpClient gateway, int count, CancellationToken cancellationToken) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            var key = Guid.NewGuid().ToString("N");
            using var response = await Arrangement.SendAsync(gateway, () => Keyed(new HttpRequestMessage(HttpMethod.Post, "/carts") { Content = JsonContent.Create(new { }) }, key), cancellationToken);
            var cartId = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("cartId").GetString()!;
            var cookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("deviceId=", StringComparison.Ordinal)).Split(';')[0];
            return new GuestCart(cartId, cookie);
        }));

    private static HttpRequestMessage Keyed(HttpRequestMessage request, string key)
    {
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    /// <summary>qty += 1 on one of nine skus priced in USD (the seeded catalog prices every tenth sku in EUR), with a fresh Idempotency-Key.</summary>
    public async Task<bool> AddItemAsync(HttpClient gateway, long sequence, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/carts/{CartId}/items")
        {
            Content = JsonContent.Create(new { sku = $"SKU-{1 + (sequence % 9)}", qty = 1 }),
        };
        request.Headers.Add("Cookie", Cookie);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await gateway.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    public async Task<bool> ReadAsync(HttpClient gateway, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/carts/{CartId}");
        request.Headers.Add("Cookie", Cookie);
        using var response = await gateway.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return response.IsSuccessStatusCode;
    }
}
