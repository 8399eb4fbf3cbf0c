using System.Globalization;
using StackExchange.Redis;

namespace Bench.Resilience.Faults;

/// <summary>
/// Redis made small (<c>maxmemory</c> a little above what it holds, under the platform's own <c>volatile-lru</c>) and
/// flooded with cache-like junk keys (4 KB, with a TTL), so it evicts all the while — cached carts among them, the
/// event streams (no TTL) never; afterwards <c>maxmemory</c> is restored and the junk deleted.
/// </summary>
internal sealed class RedisEvictionStorm : IFault
{
    private const string JunkPrefix = "resilience-junk:";
    private static readonly byte[] Junk = new byte[4096];
    private static readonly TimeSpan JunkTimeToLive = TimeSpan.FromMinutes(5);
    private CancellationTokenSource? _flooding;
    private Task _flood = Task.CompletedTask;
    private string _maxMemory = "0";
    private long _evictedBefore;
    private int _cachedBefore;
    private int _cachedLowest;

    public string Name => "Redis eviction storm";

    public string Description => "`maxmemory` set 2 MB above Redis's use (policy `volatile-lru`, the platform's), then ~2,000 junk keys of 4 KB with a 5 min TTL a second";

    public async Task InjectAsync(FaultContext context, CancellationToken cancellationToken)
    {
        var server = Server(context.Redis);
        _maxMemory = (await server.ConfigGetAsync("maxmemory")).Single().Value;
        _evictedBefore = await InfoNumberAsync(server, "stats", "evicted_keys");
        _cachedBefore = await CachedCartsAsync(context);
        var used = await InfoNumberAsync(server, "memory", "used_memory");
        await server.ConfigSetAsync("maxmemory", (used + (2 << 20)).ToString(CultureInfo.InvariantCulture));
        _flooding = new CancellationTokenSource();
        _cachedLowest = _cachedBefore;
        _flood = FloodAsync(context, _flooding.Token);
    }

    public async Task<FaultOutcome> ClearAsync(FaultContext context, CancellationToken cancellationToken)
    {
        await _flooding!.CancelAsync();
        await _flood;
        var server = Server(context.Redis);
        var evicted = await InfoNumberAsync(server, "stats", "evicted_keys") - _evictedBefore;
        await server.ConfigSetAsync("maxmemory", _maxMemory);
        var db = context.Redis.GetDatabase();
        var junk = new List<RedisKey>();
        await foreach (var key in server.KeysAsync(pattern: JunkPrefix + "*", pageSize: 1000))
        {
            junk.Add(key);
            if (junk.Count == 1000)
            {
                await db.KeyDeleteAsync([.. junk]);
                junk.Clear();
            }
        }

        await db.KeyDeleteAsync([.. junk]);
        _flooding.Dispose();
        return new($"{evicted} keys evicted; cached carts {_cachedBefore} → {_cachedLowest} (lowest) of {context.CartIds.Count}");
    }

    private async Task FloodAsync(FaultContext context, CancellationToken stop)
    {
        var db = context.Redis.GetDatabase();
        long n = 0;
        for (var round = 1; !stop.IsCancellationRequested; round++)
        {
            if (round % 10 == 0)
            {
                _cachedLowest = Math.Min(_cachedLowest, await CachedCartsAsync(context));
            }

            var batch = Enumerable.Range(0, 100).Select(_ => db.StringSetAsync(JunkPrefix + Interlocked.Increment(ref n), Junk, JunkTimeToLive)).ToArray();
            try
            {
                await Task.WhenAll(batch);
                await Task.Delay(50, stop);
            }
            catch (RedisServerException)
            {
                // OOM while eviction catches up: keep pushing
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static async Task<int> CachedCartsAsync(FaultContext context)
    {
        var db = context.Redis.GetDatabase();
        var exists = await Task.WhenAll(context.CartIds.Select(id => db.KeyExistsAsync("cart:" + id)));
        return exists.Count(e => e);
    }

    private static IServer Server(IConnectionMultiplexer redis) => redis.GetServer(redis.GetEndPoints().Single());

    private static async Task<long> InfoNumberAsync(IServer server, string section, string field) =>
        long.Parse(
            (await server.InfoAsync(section)).SelectMany(group => group).Single(pair => pair.Key == field).Value,
            CultureInfo.InvariantCulture);
}
