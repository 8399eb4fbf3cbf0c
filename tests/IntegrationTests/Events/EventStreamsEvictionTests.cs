using System.Globalization;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace IntegrationTests.Events;

/// <summary>
/// The event streams live in the same Redis as the cart cache. Under memory pressure Redis must give up cache entries,
/// never a stream: an evicted stream takes every event its consumers had not read yet with it. Memory pressure is made
/// for real — <c>maxmemory</c> just above what Redis holds, then thousands of 4 KB keys with a TTL (cache-like) a second.
/// </summary>
[Collection(EventsPlatformCollection.Name)]
public sealed class EventStreamsEvictionTests(EventsPlatformFixture platform, ITestOutputHelper output) : IAsyncLifetime
{
    private const string JunkPrefix = "eviction-test-junk:";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(60);

    private SourceWrites _writes = null!;
    private ConnectionMultiplexer _redis = null!;

    private IServer Server => _redis.GetServer(_redis.GetEndPoints().Single());

    public async Task InitializeAsync()
    {
        _writes = new SourceWrites(platform);
        _redis = await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString + ",allowAdmin=true");
        await platform.StartWorkerAsync(EventsPlatformFixture.Worker); // an earlier test may have killed it
    }

    public async Task DisposeAsync()
    {
        _writes.Dispose();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Under_memory_pressure_redis_evicts_cache_entries_and_never_an_event_stream()
    {
        var db = _redis.GetDatabase();
        var published = await PublishedEvents.FromNowAsync(db);
        var lengthsBefore = await StreamLengthsAsync(db);
        var evictedBefore = await InfoNumberAsync("stats", "evicted_keys");
        var maxMemory = (await Server.ConfigGetAsync("maxmemory")).Single().Value;
        var expected = new List<(string Subject, string Type)>();

        await Server.ConfigSetAsync("maxmemory", (await InfoNumberAsync("memory", "used_memory") + (2 << 20)).ToString(CultureInfo.InvariantCulture));
        using var stopFlood = new CancellationTokenSource();
        var flood = FloodAsync(db, stopFlood.Token);
        try
        {
            for (var i = 0; i < 40; i++)
            {
                var cartId = SourceWrites.NewId();
                var accountId = SourceWrites.NewId();
                await _writes.CreateCartAsync(cartId);
                await _writes.AuditAsync(accountId, "PAYMENT_CAPTURED", SourceWrites.NewId());
                expected.AddRange([(cartId, "cart.created"), (accountId, "payment.captured")]);
                await Task.Delay(75);
            }

            // The storm goes on until the worker has published everything, so the events land in a Redis under pressure.
            var subjects = expected.Select(e => e.Subject).ToHashSet(StringComparer.Ordinal);
            var wanted = expected.Select(e => $"{e.Subject} {e.Type}").ToHashSet(StringComparer.Ordinal);
            await Eventually.ReturnsAsync(() => published.ReadAsync(subjects), e => wanted.IsSubsetOf(e.Select(x => $"{x.Subject} {x.Type}")), Delivery);
        }
        finally
        {
            await stopFlood.CancelAsync();
            var junk = await flood;
            await Server.ConfigSetAsync("maxmemory", maxMemory);
            output.WriteLine($"{junk} junk keys written");
            await DeleteJunkAsync(db);
        }

        var evicted = await InfoNumberAsync("stats", "evicted_keys") - evictedBefore;
        var lengthsAfter = await StreamLengthsAsync(db);
        output.WriteLine($"{evicted} keys evicted; stream lengths {string.Join(", ", lengthsBefore)} → {string.Join(", ", lengthsAfter)}");
        Assert.True(evicted > 0, "Redis evicted nothing: the storm did not make it choose what to give up.");
        Assert.All(lengthsBefore.Zip(lengthsAfter), pair => Assert.True(pair.Second >= pair.First, "An event stream was evicted."));
    }

    [Fact]
    public async Task The_worker_is_degraded_while_redis_runs_a_policy_that_can_evict_the_event_streams()
    {
        using var worker = new HttpClient { BaseAddress = platform.App.HttpEndpoint(EventsPlatformFixture.Worker) };
        Assert.Equal("Healthy", await worker.GetStringAsync("/health"));

        await using (await RedisConfigChange.ApplyAsync(Server, ("maxmemory-policy", "allkeys-lru")))
        {
            await Eventually.ReturnsAsync(() => worker.GetStringAsync("/health"), status => status == "Degraded");
        }

        await Eventually.ReturnsAsync(() => worker.GetStringAsync("/health"), status => status == "Healthy");
    }

    private static async Task<long> FloodAsync(IDatabase db, CancellationToken stop)
    {
        var value = new byte[4096];
        long written = 0;
        while (!stop.IsCancellationRequested)
        {
            var batch = Enumerable.Range(0, 100)
                .Select(_ => db.StringSetAsync(JunkPrefix + Interlocked.Increment(ref written), value, TimeSpan.FromMinutes(5)))
                .ToArray();
            try
            {
                await Task.WhenAll(batch);
            }
            catch (RedisServerException)
            {
                // OOM while eviction catches up (or, under noeviction, for good): keep pushing
            }

            try
            {
                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return written;
    }

    private async Task DeleteJunkAsync(IDatabase db)
    {
        await foreach (var chunk in Server.KeysAsync(pattern: JunkPrefix + "*", pageSize: 1000).Chunk(1000))
        {
            await db.KeyDeleteAsync(chunk);
        }
    }

    private static async Task<long[]> StreamLengthsAsync(IDatabase db) =>
        await Task.WhenAll(PublishedEvents.Streams.Select(stream => db.StreamLengthAsync(stream)));

    private async Task<long> InfoNumberAsync(string section, string field) => long.Parse(
        (await Server.InfoAsync(section)).SelectMany(group => group).Single(pair => pair.Key == field).Value,
        CultureInfo.InvariantCulture);
}
