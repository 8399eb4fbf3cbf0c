using System.Text.Json.Nodes;
using StackExchange.Redis;

namespace IntegrationTests.Carts;

/// <summary>
/// A cart's Redis entry kept as it is now, to be put back later as current: Redis then holds a version the table has
/// moved past, as after a write-through that never took effect and before the worker settled it from the stream.
/// </summary>
internal sealed class CartEntryBehind(IDatabase redis, string cartId, JsonNode entry)
{
    public static async Task<CartEntryBehind> KeepAsync(IDatabase redis, string cartId)
    {
        var entry = await redis.StringGetAsync($"cart:{cartId}");
        Assert.False(entry.IsNullOrEmpty, "the cart was not cached");
        return new CartEntryBehind(redis, cartId, JsonNode.Parse((string)entry!)!);
    }

    /// <summary>Puts the kept entry back, current by its own clock (cached now).</summary>
    public async Task PutBackAsync()
    {
        entry["cachedAt"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await redis.StringSetAsync($"cart:{cartId}", entry.ToJsonString(), TimeSpan.FromMinutes(1));
    }
}
