using System.Globalization;
using StackExchange.Redis;

namespace IntegrationTests.Events;

/// <summary>
/// The worker caps each event stream (<c>XADD … MAXLEN ~ 100000</c>), and Redis trims whatever its consumer groups have
/// read or not. A group that falls behind must show on the worker's <c>/health</c> before it loses events, and after.
/// The lag is made for real on <c>events:carts</c>: entries added to it as the worker adds them, with the same cap.
/// </summary>
[Collection(EventsPlatformCollection.Name)]
public sealed class StreamGroupLagTests(EventsPlatformFixture platform) : IAsyncLifetime
{
    private const string Stream = "events:carts";
    private const long Cap = 100_000; // Events:MaxStreamLength's default, which the AppHost keeps
    private static readonly TimeSpan Noticed = TimeSpan.FromSeconds(60); // the groups are looked at every 10 s

    private readonly List<string> _groups = [];
    private readonly List<RedisValue> _added = [];
    private ConnectionMultiplexer _redis = null!;
    private HttpClient _worker = null!;

    private IDatabase Db => _redis.GetDatabase();

    public async Task InitializeAsync()
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString);
        await platform.StartWorkerAsync(EventsPlatformFixture.Worker); // an earlier test may have killed it
        _worker = new HttpClient { BaseAddress = platform.App.HttpEndpoint(EventsPlatformFixture.Worker) };
    }

    public async Task DisposeAsync()
    {
        foreach (var group in _groups)
        {
            await Db.StreamDeleteConsumerGroupAsync(Stream, group);
        }

        // The test's entries go again, so the stream is back below its cap for the tests after these (an event stream
        // at its cap shrinks as it grows, which EventStreamsEvictionTests would take for an eviction).
        foreach (var chunk in _added.Chunk(10_000))
        {
            await Db.StreamDeleteAsync(Stream, chunk);
        }

        // The worker looks every 10 s: the tests after these (EventStreamsEvictionTests) start from a healthy worker.
        await HealthBecomesAsync("Healthy", "with no group behind");
        _worker.Dispose();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task A_group_that_falls_behind_past_80_percent_of_the_cap_degrades_the_worker_until_it_catches_up()
    {
        var keepingUp = await CreateGroupAsync("lag-test-keeping-up");
        var behind = await CreateGroupAsync("lag-test-behind");
        await HealthBecomesAsync("Healthy", "with no group behind");

        await AddAsync(85_000);
        await ReadAllAsync(keepingUp);

        await HealthBecomesAsync("Degraded", "while lag-test-behind is 85,000 entries behind on a stream capped at 100,000");

        await ReadAllAsync(behind);
        await HealthBecomesAsync("Healthy", "once every group has caught up");
    }

    [Fact]
    public async Task A_group_the_cap_trimmed_past_degrades_the_worker()
    {
        var asleep = await CreateGroupAsync("lag-test-asleep");
        await HealthBecomesAsync("Healthy", "with no group behind");

        await AddAsync(Cap + 20_000);
        var group = (await Db.StreamGroupInfoAsync(Stream)).Single(g => g.Name == asleep);
        var first = (await Db.StreamRangeAsync(Stream, "-", "+", count: 1))[0].Id;
        Assert.True(IdOf(group.LastDeliveredId!).CompareTo(IdOf(first!)) < 0, $"The stream was not trimmed past the group (read to {group.LastDeliveredId}, starts at {first}).");

        await HealthBecomesAsync("Degraded", "while lag-test-asleep has lost the entries the cap trimmed past it");
    }

    [Fact]
    public async Task A_group_whose_unacknowledged_entries_were_trimmed_degrades_the_worker_although_it_read_everything()
    {
        var reader = await CreateGroupAsync("lag-test-unacknowledged");
        await AddAsync(10);
        var unacknowledged = await Db.StreamReadGroupAsync(Stream, reader, "reader-1", ">", count: 10);
        Assert.Equal(10, unacknowledged.Length);

        await AddAsync(Cap + 20_000);
        await ReadAllAsync(reader); // everything since, read and acknowledged: no lag, but 10 pending entries are gone
        var last = (await Db.StreamRangeAsync(Stream, "-", "+", count: 1, messageOrder: Order.Descending))[0].Id;
        Assert.Equal(last.ToString(), (await Db.StreamGroupInfoAsync(Stream)).Single(g => g.Name == reader).LastDeliveredId);

        await HealthBecomesAsync("Degraded", "while lag-test-unacknowledged has lost 10 pending entries to the cap");

        await Db.StreamDeleteConsumerGroupAsync(Stream, reader);
        _groups.Remove(reader);
        await HealthBecomesAsync("Healthy", "once the group that lost entries is gone");
    }

    private static (ulong Milliseconds, ulong Sequence) IdOf(string id) =>
        (ulong.Parse(id.Split('-')[0], CultureInfo.InvariantCulture), ulong.Parse(id.Split('-')[1], CultureInfo.InvariantCulture));

    private Task<string> HealthAsync() => _worker.GetStringAsync("/health");

    private async Task HealthBecomesAsync(string expected, string situation)
    {
        var last = string.Empty;
        try
        {
            await Eventually.ReturnsAsync(async () => last = await HealthAsync(), status => status == expected, Noticed);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The worker's /health stayed {last} for {Noticed.TotalSeconds:0} s {situation}; expected {expected}.");
        }
    }

    private async Task<string> CreateGroupAsync(string name)
    {
        await Db.StreamCreateConsumerGroupAsync(Stream, name, StreamPosition.NewMessages, createStream: true);
        _groups.Add(name);
        return name;
    }

    /// <summary>Entries shaped as the worker's, capped as the worker caps them, pipelined.</summary>
    private async Task AddAsync(long count)
    {
        const int Batch = 10_000;
        for (long done = 0; done < count; done += Batch)
        {
            _added.AddRange(await Task.WhenAll(Enumerable.Range(0, (int)Math.Min(Batch, count - done)).Select(_ => Db.StreamAddAsync(
                Stream,
                [
                    new NameValueEntry("id", "lag-test"),
                    new NameValueEntry("type", "lag.test"),
                    new NameValueEntry("subject", "lag-test"),
                    new NameValueEntry("event", """{"subject":"lag-test","type":"lag.test"}"""),
                ],
                maxLength: Cap,
                useApproximateMaxLength: true))));
        }
    }

    private async Task ReadAllAsync(string group)
    {
        while (true)
        {
            var entries = await Db.StreamReadGroupAsync(Stream, group, group + "-1", ">", count: 10_000);
            if (entries.Length == 0)
            {
                return;
            }

            await Db.StreamAcknowledgeAsync(Stream, group, [.. entries.Select(e => e.Id)]);
        }
    }
}
