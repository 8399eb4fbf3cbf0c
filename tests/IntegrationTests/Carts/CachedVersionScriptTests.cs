using StackExchange.Redis;
using StorageContracts;

namespace IntegrationTests.Carts;

/// <summary>
/// The version the write-through and the worker's settling compare against (<see cref="CartCacheScripts"/>'s
/// <c>cachedVersion</c>), run by the real Redis on each shape an entry at a cart's key can have: read from the first bytes
/// when the entry starts with its version, from the decoded JSON when it does not, and nil for anything that is no entry.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CachedVersionScriptTests(PlatformFixture platform)
{
    private const string ReturnCachedVersion = CartCacheScripts.Functions + "return cachedVersion(KEYS[1])";

    [Theory]
    [InlineData("""{"version":12,"cachedAt":1796040000000,"status":"ACTIVE","cart":{"cartId":"c1","version":12,"lines":[]}}""", 12L)]
    [InlineData("""{"version":7}""", 7L)]
    [InlineData("""{"version":1234567890123,"cart":{}}""", 1234567890123L)]
    [InlineData("""{"cachedAt":1796040000000,"version":5,"cart":{"version":99}}""", 5L)] // not first: the JSON decides
    [InlineData("""{ "version" : 8 }""", 8L)]
    [InlineData("""{"version":9x}""", null)] // not JSON, though it starts like an entry
    [InlineData("""{"cart":{"version":3}}""", null)] // a version, but not the entry's
    [InlineData("""{"version":"4"}""", 4L)]
    [InlineData("not json", null)]
    public async Task An_entry_s_version_is_its_top_level_version_whatever_its_shape(string entry, long? expected)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString);
        var db = redis.GetDatabase();
        var key = $"test:cached-version:{Guid.NewGuid():N}";
        await db.StringSetAsync(key, entry, TimeSpan.FromMinutes(1));

        var version = await db.ScriptEvaluateAsync(ReturnCachedVersion, [key]);

        Assert.Equal(expected, version.IsNull ? null : (long)version);
    }

    [Fact]
    public async Task No_entry_has_no_version()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString);

        var version = await redis.GetDatabase().ScriptEvaluateAsync(ReturnCachedVersion, [$"test:cached-version:{Guid.NewGuid():N}"]);

        Assert.True(version.IsNull);
    }
}
