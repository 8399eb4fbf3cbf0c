using Amazon.DynamoDBv2.Model;
using DynamoDbStreams.Client;
using DynamoDbStreams.Leases;
using DynamoDbStreams.Processing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace IntegrationTests.Events;

/// <summary>
/// The leases of a stream <c>ListStreams</c> no longer lists, on the real DynamoDB Local and its Streams API: two
/// replicas of the real worker delete them once nobody holds them, each lease once, and keep the one a live holder renews.
/// </summary>
public sealed class StreamsWorkerUnlistedLeaseTests(DynamoDbLocalFixture dynamodb) : IClassFixture<DynamoDbLocalFixture>, IAsyncLifetime
{
    private const int Abandoned = 12;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly StreamsWorkerOptions Timings = new()
    {
        LeaseDuration = TimeSpan.FromSeconds(2),
        SafetyMargin = TimeSpan.FromMilliseconds(500),
        RenewInterval = TimeSpan.FromMilliseconds(100),
        DiscoveryInterval = TimeSpan.FromMilliseconds(200),
        IdlePollInterval = TimeSpan.FromMilliseconds(200),
        UnlistedStreamGrace = TimeSpan.Zero, // the wait is then one lease duration
    };

    private WorkerTables _tables = null!;
    private string _currentStreamArn = null!;

    public async Task InitializeAsync()
    {
        _tables = await WorkerTables.CreateAsync(dynamodb, "unlisted");
        _currentStreamArn = (await _tables.Streams.ListStreamsAsync(_tables.SourceTable, CancellationToken.None)).Single(s => s.TableName == _tables.SourceTable).StreamArn;
    }

    public Task DisposeAsync()
    {
        _tables.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The same table's stream before the table was re-created: DynamoDB Local lists only the current one.</summary>
    private string FormerStreamArn => _currentStreamArn[.._currentStreamArn.LastIndexOf("/stream/", StringComparison.Ordinal)] + "/stream/2020-01-01T00:00:00.000";

    [Fact]
    public async Task Two_replicas_delete_the_leases_of_a_stream_no_longer_listed_once_each_and_keep_the_one_a_live_holder_renews()
    {
        for (var i = 0; i < Abandoned; i++)
        {
            await TakenAsync(FormerStreamArn, $"shardId-abandoned-{i:00}", "worker-gone");
        }

        var held = await TakenAsync(FormerStreamArn, "shardId-held", "worker-live");
        var otherTables = await TakenAsync(FormerStreamArn.Replace(_tables.SourceTable, "not-read-here", StringComparison.Ordinal), "shardId-other", "worker-gone");

        using var stopRenewing = new CancellationTokenSource();
        var holder = RenewUntilAsync(held, stopRenewing.Token); // worker-live still reads the old stream
        await using var a = await StartReplicaAsync("worker-a");
        await using var b = await StartReplicaAsync("worker-b");

        var afterSweep = await Eventually.ReturnsAsync(() => _tables.Leases.ListAsync(CancellationToken.None),
            all => all.Count(l => l.ShardId.StartsWith("shardId-abandoned-", StringComparison.Ordinal)) == 0, Patience);
        Assert.Contains(afterSweep, l => l.StreamArn == _currentStreamArn); // the listed stream's shard, discovered as ever
        Assert.Contains(afterSweep, l => l.LeaseKey == otherTables.LeaseKey);

        // Two more lease durations of discoveries by both replicas: the renewed lease stays.
        await Task.Delay(2 * Timings.LeaseDuration);
        Assert.Contains(await _tables.Leases.ListAsync(CancellationToken.None), l => l.LeaseKey == held.LeaseKey);

        await stopRenewing.CancelAsync();
        await holder;
        await Eventually.ReturnsAsync(() => _tables.Leases.ListAsync(CancellationToken.None), all => all.All(l => l.LeaseKey != held.LeaseKey), Patience);

        // Each deletion logged once: of the replicas racing, only the one whose conditional delete won.
        var deletions = a.Deletions.Concat(b.Deletions).ToList();
        Assert.Equal(Abandoned + 1, deletions.Count);
        Assert.Equal(Abandoned + 1, deletions.Distinct().Count());
        Assert.Contains(await _tables.Leases.ListAsync(CancellationToken.None), l => l.LeaseKey == otherTables.LeaseKey);
    }

    [Fact]
    public async Task A_delete_loses_to_a_write_made_after_the_lease_was_observed_and_to_a_replica_that_deleted_first()
    {
        var observed = await TakenAsync(FormerStreamArn, "shardId-raced", "worker-live");
        var renewed = await _tables.Leases.RenewAsync(observed, CancellationToken.None);

        Assert.False(await _tables.Leases.DeleteUnchangedAsync(observed, CancellationToken.None)); // the holder renewed meanwhile
        Assert.Contains(await _tables.Leases.ListAsync(CancellationToken.None), l => l.LeaseKey == observed.LeaseKey);

        Assert.True(await _tables.Leases.DeleteUnchangedAsync(renewed, CancellationToken.None));
        Assert.False(await _tables.Leases.DeleteUnchangedAsync(renewed, CancellationToken.None)); // the other replica, a moment later
        await Assert.ThrowsAsync<LeaseLostException>(() => _tables.Leases.RenewAsync(renewed, CancellationToken.None)); // a holder that wakes up stops
    }

    /// <summary>A lease taken by <paramref name="owner"/> and checkpointed once.</summary>
    private async Task<Lease> TakenAsync(string streamArn, string shardId, string owner)
    {
        Assert.True(await _tables.Leases.CreateAsync(streamArn, new ShardDescription(shardId, null, "0", null), CancellationToken.None));
        var created = new Lease(Lease.KeyOf(streamArn, shardId), streamArn, shardId, null, null, 0, Checkpoints.TrimHorizon);
        var taken = await _tables.Leases.TakeAsync(created, owner, CancellationToken.None);
        return await _tables.Leases.CheckpointAsync(taken!, "000000000000000000017", CancellationToken.None);
    }

    /// <summary>Renews as a live holder does, several times a lease duration, until told to stop (it then dies silently).</summary>
    private async Task RenewUntilAsync(Lease held, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            held = await _tables.Leases.RenewAsync(held, CancellationToken.None);
            try
            {
                await Task.Delay(Timings.LeaseDuration / 5, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<RunningReplica> StartReplicaAsync(string workerId)
    {
        var options = new StreamsWorkerOptions
        {
            WorkerId = workerId,
            LeaseDuration = Timings.LeaseDuration,
            SafetyMargin = Timings.SafetyMargin,
            RenewInterval = Timings.RenewInterval,
            DiscoveryInterval = Timings.DiscoveryInterval,
            IdlePollInterval = Timings.IdlePollInterval,
            UnlistedStreamGrace = Timings.UnlistedStreamGrace,
        };
        var log = new FakeLogger<StreamsWorker>();
        var worker = new StreamsWorker(_tables.Streams, _tables.Leases, new IgnoringProcessor(), [new StreamSource(_tables.SourceTable)], Options.Create(options),
            new ShardProgress(TimeProvider.System), TimeProvider.System, log);
        await worker.StartAsync(CancellationToken.None);
        return new RunningReplica(worker, log);
    }

    /// <summary>A worker replica in this process and what it logged.</summary>
    private sealed class RunningReplica(StreamsWorker worker, FakeLogger<StreamsWorker> log) : IAsyncDisposable
    {
        /// <summary>The shards whose unlisted lease this replica deleted (events 220 and 221).</summary>
        public IEnumerable<string> Deletions => log.Collector.GetSnapshot().Where(e => e.Id.Id is 220 or 221).Select(e => e.Message);

        public async ValueTask DisposeAsync()
        {
            await worker.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            worker.Dispose();
        }
    }

    private sealed class IgnoringProcessor : IShardRecordProcessor
    {
        public Task ProcessAsync(ShardContext shard, IReadOnlyList<StreamRecord> records, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
