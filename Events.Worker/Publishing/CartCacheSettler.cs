using Events.Worker.Events;
using Events.Worker.Telemetry;

namespace Events.Worker.Publishing;

/// <summary>
/// The durable half of the cart cache's coherence. A replica writes each commit through to Redis and announces it in
/// one script; when that script never takes effect — Redis refused it (out of memory, read-only during a failover),
/// the connection dropped, the replica died between commit and script — Redis would keep the version before it, and
/// every other replica would serve that as current until the entry's lifetime ends. The stream shows every commit, so
/// for each cart version it carries, one script: an entry behind it (or none at all) is replaced by a version floor,
/// <c>{"version":N}</c> — nothing to serve, so readers read through to DynamoDB, and a late fill of an older version is
/// refused by the write-through's own version check — and the version is announced with the channel's next sequence
/// number, so no local tier serves what it held before without first dropping it, and the cart's fill lease is revoked,
/// so no read that began before the commit writes into the cache. A commit the replica did write through finds its
/// version in place, and only the announcement is repeated.
/// </summary>
internal sealed class CartCacheSettler(IOptions<EventsOptions> options, WorkerMetrics metrics)
{
    // KEYS: the cart's cache entry, the channel's sequence, the cart's fill lease. ARGV: version, floor entry, floor
    // lifetime (ms), channel, cart id.
    private const string SettleScript = CartCacheScripts.Functions + """
        local cached = cachedVersion(KEYS[1])
        local behind = cached == nil or cached < tonumber(ARGV[1])
        if behind then
          redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
        end
        announce(KEYS[2], ARGV[4], ARGV[5], ARGV[1], KEYS[3])
        if behind then return 1 else return 0 end
        """;

    /// <summary>Settles every version in <paramref name="versions"/> (pipelined); throws if Redis refuses any, so the batch is read again.</summary>
    public async Task SettleAsync(IDatabaseAsync db, IReadOnlyList<CartVersion> versions)
    {
        if (versions.Count == 0)
        {
            return;
        }

        var channel = options.Value.InvalidationChannel;
        var sequence = (RedisKey)ChannelNames.SequenceKeyOf(channel);
        var floorLifetime = (long)options.Value.CartCacheFloorLifetime.TotalMilliseconds;
        var settled = await Task.WhenAll(versions.Select(version => db.ScriptEvaluateAsync(
            SettleScript,
            [ChannelNames.CartCacheKey(version.CartId), sequence, ChannelNames.CartFillLeaseKey(version.CartId)],
            [version.Version, CartCacheScripts.VersionFloor(version.Version), floorLifetime, channel, version.CartId])));
        metrics.CartCacheSettled(versions.Count, floorsWritten: settled.Count(result => (long)result == 1));
    }
}
