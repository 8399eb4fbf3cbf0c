using System.Net;
using System.Text.Json;
using IntegrationTests.Carts;

namespace IntegrationTests.Commerce;

/// <summary>The development admin paths: set a SKU's stock and shards, create a delivery slot, read them back.</summary>
public sealed class CommerceAdmin(PlatformFixture platform) : IDisposable
{
    private readonly CartClient _client = CartClient.ThroughGateway(platform, $"admin-{Guid.NewGuid():N}");

    /// <summary>A slot on a day no other test uses (a random day years ahead), so its counts are this test's own.</summary>
    public static string FreshSlotId(string time = "1000")
    {
        var day = new DateOnly(2031, 1, 1).AddDays(Random.Shared.Next(0, 3000));
        return $"{day:yyyy-MM-dd}-{time}";
    }

    public async Task SetStockAsync(string sku, long quantity, int shards)
    {
        using var response = await _client.SendAsync(HttpMethod.Put, $"/admin/stock/{sku}", new { quantity, shards });
        Assert.True(response.IsSuccessStatusCode, $"set stock answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<long[]> ShardsAsync(string sku)
    {
        var (status, body) = await _client.GetAsync($"/admin/stock/{sku}");
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. body.GetProperty("shards").EnumerateArray().Select(shard => shard.GetProperty("available").GetInt64())];
    }

    public async Task SetSlotAsync(string slotId, int capacity)
    {
        using var response = await _client.SendAsync(HttpMethod.Put, $"/admin/delivery-slots/{slotId}", new { capacity });
        Assert.True(response.IsSuccessStatusCode, $"set slot answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The slot as <c>GET /delivery-slots?date=</c> lists it.</summary>
    public async Task<JsonElement> SlotAsync(string slotId)
    {
        var (status, body) = await _client.GetAsync($"/delivery-slots?date={slotId[..10]}");
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("slots").EnumerateArray().Single(slot => slot.GetProperty("slotId").GetString() == slotId);
    }

    public void Dispose() => _client.Dispose();
}
