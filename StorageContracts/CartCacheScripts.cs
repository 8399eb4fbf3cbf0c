namespace StorageContracts;

/// <summary>
/// The Redis side of the cart cache's protocol, shared by the two processes that write it: Cart.Api (each commit's
/// write-through) and the events worker (settling the cache from the stream). Both read an entry's version and announce
/// a version the same way, so the entry format and the message format cannot drift apart between them.
/// </summary>
public static class CartCacheScripts
{
    /// <summary>
    /// Lua functions for a script to start with: <c>cachedVersion(key)</c>, the version of the entry at <c>key</c> (the
    /// top-level <c>version</c> of its JSON), or nil when there is none or it is not a cart entry; and
    /// <c>announce(sequenceKey, channel, cartId, version, fillLeaseKey)</c>, which draws the channel's next sequence number and
    /// publishes <c>&lt;cartId&gt;:&lt;version&gt;:&lt;sequence&gt;</c>, so a replica that misses a message sees the gap, and
    /// revokes the cart's fill lease (<see cref="ChannelNames.CartFillLeaseKey"/>): a read that began before this version
    /// may answer its reader, but can no longer write what it read into the cache — not even where the entry has been
    /// evicted meanwhile, where the version check has nothing to compare with.
    /// </summary>
    /// <remarks>
    /// Both entry formats write <c>version</c> first (Cart.Api's <c>CachedCartFormat</c> and <see cref="VersionFloor"/>),
    /// so <c>cachedVersion</c> reads it from the entry's first bytes and decodes the whole JSON only for an entry that
    /// does not start with it. Decoding a cart of nine lines (3.4 KB) was half the Redis CPU of each script: 48–54 µs
    /// a call against 24–26 µs (docs/benchmarks.md, "Where the service path's CPU goes on a write, once the emulator
    /// is cheaper").
    /// </remarks>
    public const string Functions = """
        local function cachedVersion(key)
          local current = redis.call('GET', key)
          if not current then return nil end
          local leading = string.match(current, '^{"version":(%d+)[,}]')
          if leading then return tonumber(leading) end
          local ok, cached = pcall(cjson.decode, current)
          if ok and type(cached) == 'table' then return tonumber(cached['version']) end
          return nil
        end
        local function announce(sequenceKey, channel, cartId, version, fillLeaseKey)
          local sequence = redis.call('INCR', sequenceKey)
          redis.call('PUBLISH', channel, cartId .. ':' .. version .. ':' .. sequence)
          redis.call('DEL', fillLeaseKey)
        end

        """;

    /// <summary>An entry that holds only a version: nothing to serve, so readers read through, and no older version may be written over it.</summary>
    public static string VersionFloor(long version) => $$"""{"version":{{version}}}""";
}
