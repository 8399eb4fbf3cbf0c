using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using DynamoDbStreams.Client;
using Events.Worker.Streams;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using StorageContracts;
using Xunit.Abstractions;

namespace IntegrationTests.Events;

/// <summary>
/// DynamoDB Streams → CloudEvents on the real DynamoDB Local and Redis: the right events with the stream's ids,
/// nothing lost when a worker is killed mid-burst, two workers sharing the shards, the audit archive, invalidations.
/// </summary>
[Collection(EventsPlatformCollection.Name)]
public sealed class EventsPipelineTests(EventsPlatformFixture platform, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(60);

    private SourceWrites _writes = null!;
    private ConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync()
    {
        _writes = new SourceWrites(platform);
        _redis = await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString);
        await platform.StartWorkerAsync(EventsPlatformFixture.Worker); // an earlier test may have killed it
    }

    public async Task DisposeAsync()
    {
        await platform.StopWorkerAsync(EventsPlatformFixture.SpareWorker);
        _writes.Dispose();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Cart_and_payment_writes_become_exactly_the_expected_cloud_events_with_the_stream_ids()
    {
        var published = await PublishedEvents.FromNowAsync(_redis.GetDatabase());
        var expected = new List<(string Subject, string Type)>();
        var accounts = new List<string>();
        var users = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var cartId = SourceWrites.NewId();
            var userId = SourceWrites.NewId();
            var accountId = SourceWrites.NewId();
            accounts.Add(accountId);
            users.Add(userId);

            await _writes.CreateCartAsync(cartId);
            await _writes.AddLineAsync(cartId, "SKU-1");
            await _writes.WriteCartBookkeepingAsync(cartId, userId);
            var (status, type) = (i % 3) switch
            {
                0 => ("MERGED", "cart.merged"),
                1 => ("CHECKED_OUT", "cart.checked_out"),
                _ => ("OPEN", "cart.updated"),
            };
            await _writes.SetCartStatusAsync(cartId, status, 2);
            expected.AddRange([(cartId, "cart.created"), (cartId, "cart.updated"), (cartId, type)]);

            await _writes.OpenAccountAsync(accountId, userId);
            await _writes.CapturePaymentAsync(accountId, userId);
            await _writes.DeclinePaymentAsync(accountId);
            await _writes.RecordFraudAsync(userId);
            expected.AddRange([(accountId, "account.opened"), (accountId, "payment.captured"), (accountId, "payment.declined"), (userId, "fraud.recorded")]);
        }

        var subjects = expected.Select(e => e.Subject).ToHashSet(StringComparer.Ordinal);
        var events = await Eventually.ReturnsAsync(() => published.ReadAsync(subjects), e => e.Count >= expected.Count, Delivery);

        Assert.Equal(
            expected.Select(e => $"{e.Subject} {e.Type}").Order(StringComparer.Ordinal),
            events.Select(e => $"{e.Subject} {e.Type}").Order(StringComparer.Ordinal));
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        Assert.All(events, e =>
        {
            Assert.True(Guid.TryParse(e.Id, out _), $"the id is the stream record's eventID: {e.Id}");
            Assert.Equal("1.0", e.Json.GetProperty("specversion").GetString());
            Assert.Equal("application/json", e.Json.GetProperty("datacontenttype").GetString());
            Assert.Equal(e.Type.StartsWith("cart.", StringComparison.Ordinal) ? "/carts" : "/payments", e.Source);
            Assert.EndsWith("Z", e.Json.GetProperty("time").GetString(), StringComparison.Ordinal);
        });

        // The audit archive: every payments change but the idempotency records, once (one clean delivery), with the
        // same ids as the events (both are the stream record's eventID).
        var partitions = accounts.Select(a => $"ACCOUNT#{a}").Concat(users.Select(u => $"USER#{u}")).ToHashSet(StringComparer.Ordinal);
        var archived = await Eventually.ReturnsAsync(() => Task.FromResult(AuditArchive.Lines(partitions)), l => l.Count >= accounts.Count * 6, Delivery);
        Assert.Equal(accounts.Count * 6, archived.Count); // METADATA, TXN, 3 AUDIT entries, FRAUD
        Assert.Equal(archived.Count, archived.Select(l => l.EventId).Distinct().Count());
        Assert.Subset(archived.Select(l => l.EventId).ToHashSet(), events.Where(e => e.Source == "/payments").Select(e => e.Id).ToHashSet());
        Assert.All(archived, l => Assert.Matches(@"^\d{4}/\d{2}/\d{2}/\d{2}-shardId-[^/]+\.jsonl$", l.Path.Replace('\\', '/')));
    }

    [Fact]
    public async Task A_batch_redis_refuses_is_archived_once_however_often_it_is_delivered_again()
    {
        // The archive is appended before the events go to Redis; while Redis refuses them the batch fails and is
        // delivered again every half second. In S3 each append is a new object that object lock keeps.
        var published = await PublishedEvents.FromNowAsync(_redis.GetDatabase());
        var accountId = SourceWrites.NewId();
        var partition = new HashSet<string>(StringComparer.Ordinal) { $"ACCOUNT#{accountId}" };
        await using var admin = await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString + ",allowAdmin=true");
        await using (await RedisConfigChange.ApplyAsync(admin.GetServers().Single(), ("maxmemory-policy", "noeviction"), ("maxmemory", "1")))
        {
            await _writes.OpenAccountAsync(accountId, SourceWrites.NewId());
            await Eventually.ReturnsAsync(() => Task.FromResult(AuditArchive.Lines(partition)), l => l.Count >= 2, Delivery);
            await Task.Delay(TimeSpan.FromSeconds(3)); // about six deliveries of the same batch, each refused by Redis
        }

        await Eventually.ReturnsAsync(() => published.ReadAsync(new HashSet<string>(StringComparer.Ordinal) { accountId }), e => e.Count >= 1, Delivery);

        Assert.Equal(2, AuditArchive.Lines(partition).Count); // METADATA and its AUDIT entry, once each
    }

    [Fact]
    public async Task Heartbeats_rewrite_an_item_in_each_source_table_every_second_and_are_never_archived()
    {
        // The AppHost turns them on against DynamoDB Local (Events.Worker/README.md, "Heartbeats").
        var first = await Eventually.ReturnsAsync(_writes.HeartbeatsAsync, h => h.Count == 2, Delivery);
        var later = await Eventually.ReturnsAsync(_writes.HeartbeatsAsync, h => h.Count == 2 && h.All(beat => beat.Value > first[beat.Key]), TimeSpan.FromSeconds(10));
        output.WriteLine($"heartbeats: {string.Join(", ", later.Select(beat => $"{beat.Key} {beat.Value - first[beat.Key]} ms later"))}");

        // Written after those heartbeats, an account's changes reach the archive: the worker has read past the heartbeats
        // of the payments shard (every other change of that table is archived), and not one of them is in the archive.
        var accountId = SourceWrites.NewId();
        await _writes.OpenAccountAsync(accountId, SourceWrites.NewId());
        await Eventually.ReturnsAsync(() => Task.FromResult(AuditArchive.Lines(new HashSet<string>(StringComparer.Ordinal) { $"ACCOUNT#{accountId}" })), l => l.Count == 2, Delivery);

        Assert.Empty(AuditArchive.Lines(
            new HashSet<string>(StringComparer.Ordinal) { StreamHeartbeatKeys.PartitionKey },
            line => line.GetProperty("new").GetProperty(StreamHeartbeatKeys.WrittenAt).GetInt64() >= first["payments"]));
    }

    [Fact]
    public async Task Each_source_stream_begins_with_the_heartbeat_the_provisioner_wrote_when_it_created_the_table()
    {
        // DynamoDB Local makes every call on a table with a stream scan the records of all streams before that stream's
        // first one (docs/benchmarks.md, "DynamoDB Local's quiet shards"): the first record must come before the catalog.
        using var http = new HttpClient();
        var streams = new DynamoDbStreamsClient(
            http,
            new StreamsClientSettings(platform.DynamoDbEndpoint, new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.USEast1 }, new BasicAWSCredentials("local", "local")),
            TimeProvider.System,
            NullLogger<DynamoDbStreamsClient>.Instance);
        foreach (var table in new[] { "carts", "payments" })
        {
            var stream = (await streams.ListStreamsAsync(table, CancellationToken.None)).Single(s => s.TableName == table);
            var shard = (await streams.DescribeStreamAsync(stream.StreamArn, CancellationToken.None)).MinBy(s => s.StartingSequenceNumber, StringComparer.Ordinal)!;
            var iterator = await streams.GetShardIteratorAsync(stream.StreamArn, shard.ShardId, ShardIteratorType.TRIM_HORIZON, null, CancellationToken.None);
            var first = (await streams.GetRecordsAsync(iterator, 1, CancellationToken.None)).Records.Single();
            output.WriteLine($"{table}: the first record is {first.EventName} of {string.Join(", ", first.Keys.Select(key => $"{key.Key}={key.Value}"))}");

            Assert.Equal("INSERT", first.EventName);
            Assert.True(StreamHeartbeatItem.Is(first), $"{table}'s stream begins with another item");
        }
    }

    [Fact]
    public async Task An_events_time_is_the_written_items_own_timestamp_to_the_millisecond()
    {
        var published = await PublishedEvents.FromNowAsync(_redis.GetDatabase());
        var (cartId, accountId, userId) = (SourceWrites.NewId(), SourceWrites.NewId(), SourceWrites.NewId());
        var start = DateTimeOffset.UtcNow.AddMinutes(-7);
        string At(int n) => start.AddSeconds(n).AddMilliseconds(100 + n).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

        await _writes.CreateCartAsync(cartId, At(1));
        await _writes.AddLineAsync(cartId, "SKU-1", At(2));
        await _writes.AuditAsync(accountId, "ACCOUNT_OPENED", null, At(3));
        await _writes.RecordFraudAsync(userId, At(4));

        var subjects = new HashSet<string>([cartId, accountId, userId], StringComparer.Ordinal);
        var events = await Eventually.ReturnsAsync(() => published.ReadAsync(subjects), e => e.Count >= 4, Delivery);

        Assert.Equal(
            [$"{cartId} cart.created {At(1)}", $"{cartId} cart.updated {At(2)}", $"{accountId} account.opened {At(3)}", $"{userId} fraud.recorded {At(4)}"],
            events.Select(e => $"{e.Subject} {e.Type} {e.Json.GetProperty("time").GetString()}").OrderBy(line => line[^24..], StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_cart_change_is_announced_with_a_sequence_number_and_leaves_no_older_version_in_the_cache()
    {
        var cartId = SourceWrites.NewId();
        var received = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var subscriber = _redis.GetSubscriber();
        await subscriber.SubscribeAsync(RedisChannel.Literal("cart-invalidations"), (_, message) =>
        {
            if (message.ToString().StartsWith(cartId, StringComparison.Ordinal))
            {
                received.Enqueue(message.ToString());
            }
        });

        await _writes.CreateCartAsync(cartId);
        await _writes.SetCartStatusAsync(cartId, "OPEN", 2);

        var messages = await Eventually.ReturnsAsync(() => Task.FromResult(received.ToArray()), m => m.Any(text => text.StartsWith($"{cartId}:2:", StringComparison.Ordinal)), Delivery);
        Assert.Contains(messages, text => text.StartsWith($"{cartId}:1:", StringComparison.Ordinal));
        Assert.All(messages, text => Assert.True(long.TryParse(text.Split(':')[2], out _), text));
        // Written straight to DynamoDB, no replica wrote it through: the worker left a floor at the newest version, so
        // no reader can put an older one back.
        Assert.Equal("""{"version":2}""", (string?)await _redis.GetDatabase().StringGetAsync($"cart:{cartId}"));
        await subscriber.UnsubscribeAllAsync();
    }

    [Fact]
    public async Task A_worker_killed_in_the_middle_of_a_burst_loses_no_event()
    {
        var published = await PublishedEvents.FromNowAsync(_redis.GetDatabase());
        var expected = new System.Collections.Concurrent.ConcurrentBag<(string Subject, string Type)>();
        var accounts = new System.Collections.Concurrent.ConcurrentBag<string>();
        var halfway = new TaskCompletionSource();

        var burst = Task.Run(async () =>
        {
            for (var i = 0; i < 80; i++)
            {
                var cartId = SourceWrites.NewId();
                var accountId = SourceWrites.NewId();
                accounts.Add(accountId);
                await _writes.CreateCartAsync(cartId);
                await _writes.AuditAsync(accountId, "PAYMENT_CAPTURED", SourceWrites.NewId());
                expected.Add((cartId, "cart.created"));
                expected.Add((accountId, "payment.captured"));
                if (i == 25)
                {
                    halfway.SetResult();
                }
            }
        });

        await halfway.Task;
        output.WriteLine($"SIGKILL to the worker (pid {platform.App.ProcessId(EventsPlatformFixture.Worker)}) mid-burst");
        await platform.KillWorkerAsync(EventsPlatformFixture.Worker);
        await platform.StartWorkerAsync(EventsPlatformFixture.Worker); // Aspire does not restart a process by itself: the test does, as an operator would
        await burst;

        var subjects = expected.Select(e => e.Subject).ToHashSet(StringComparer.Ordinal);
        var wanted = expected.Select(e => $"{e.Subject} {e.Type}").ToHashSet(StringComparer.Ordinal);
        var events = await Eventually.ReturnsAsync(() => published.ReadAsync(subjects),
            e => wanted.IsSubsetOf(e.Select(x => $"{x.Subject} {x.Type}")), Delivery);

        // Every write has its event; a redelivered record carries the same id, and distinct records distinct ids.
        Assert.All(events.GroupBy(e => (e.Source, e.SequenceNumber)), g => Assert.Single(g.Select(e => e.Id).Distinct()));
        Assert.All(events.GroupBy(e => e.Id), g => Assert.Single(g.Select(e => (e.Source, e.SequenceNumber)).Distinct()));
        Assert.Equal(wanted.Count, events.Select(e => e.Id).Distinct().Count());
        output.WriteLine($"{events.Count} events for {wanted.Count} writes ({events.Count - wanted.Count} redelivered duplicates)");

        var archived = AuditArchive.Lines(accounts.Select(a => $"ACCOUNT#{a}").ToHashSet(StringComparer.Ordinal));
        Assert.Equal(accounts.Count, archived.Select(l => l.EventId).Distinct().Count());
    }

    [Fact]
    public async Task Two_workers_share_the_shards_without_ever_processing_one_at_the_same_time_and_the_survivor_takes_over()
    {
        await platform.StartWorkerAsync(EventsPlatformFixture.SpareWorker);

        // Both workers hold a lease: the newcomer asked for one and the holder handed it over at a checkpoint.
        var owners = await Eventually.ReturnsAsync(OwnersAsync, o => o.Count == 2, Delivery);
        output.WriteLine($"lease owners: {string.Join(", ", owners)}");

        var published = await PublishedEvents.FromNowAsync(_redis.GetDatabase());
        var expected = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var cartId = SourceWrites.NewId();
            var accountId = SourceWrites.NewId();
            await _writes.CreateCartAsync(cartId);
            await _writes.AuditAsync(accountId, "PAYMENT_CAPTURED", null);
            expected.AddRange([$"{cartId} cart.created", $"{accountId} payment.captured"]);
        }

        var subjects = expected.Select(e => e.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        var events = await Eventually.ReturnsAsync(() => published.ReadAsync(subjects), e => e.Count >= expected.Count, Delivery);

        // No record was handled twice: two workers on one shard at once would have published it twice.
        Assert.Equal(expected.Order(StringComparer.Ordinal), events.Select(e => $"{e.Subject} {e.Type}").Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, events.Select(e => e.Id).Distinct().Count());

        // One dies; the other takes its shards once the lease expires, and nothing is missed.
        var survivorCount = owners.Count - 1;
        await platform.KillWorkerAsync(EventsPlatformFixture.SpareWorker);

        var afterDeath = await PublishedEvents.FromNowAsync(_redis.GetDatabase());
        var more = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var cartId = SourceWrites.NewId();
            var accountId = SourceWrites.NewId();
            await _writes.CreateCartAsync(cartId);
            await _writes.AuditAsync(accountId, "PAYMENT_CAPTURED", null);
            more.AddRange([$"{cartId} cart.created", $"{accountId} payment.captured"]);
        }

        var moreSubjects = more.Select(e => e.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        var later = await Eventually.ReturnsAsync(() => afterDeath.ReadAsync(moreSubjects),
            e => more.ToHashSet().IsSubsetOf(e.Select(x => $"{x.Subject} {x.Type}")), Delivery);
        Assert.Equal(more.Count, later.Select(e => e.Id).Distinct().Count());
        Assert.Equal(survivorCount, (await OwnersAsync()).Count);
    }

    /// <summary>The distinct owners of the unfinished leases of the carts and payments streams.</summary>
    private async Task<IReadOnlySet<string>> OwnersAsync() =>
        (await _writes.LeasesAsync())
            .Where(l => l.TryGetValue("checkpoint", out var c) && c.S != "SHARD_END" && l.TryGetValue("leaseOwner", out _))
            .Select(l => l["leaseOwner"].S)
            .ToHashSet(StringComparer.Ordinal);
}
