using DynamoDbStreams.Client;
using DynamoDbStreams.Leases;
using DynamoDbStreams.Processing;
using Microsoft.Extensions.Logging;

namespace UnitTests.Events;

/// <summary>
/// The leases of a stream <c>ListStreams</c> no longer lists for a source table are deleted once nobody holds them,
/// never while a holder renews one, never while the listing fails.
/// </summary>
public sealed class StreamsWorkerUnlistedLeaseTests : IAsyncLifetime
{
    /// <summary>The table's stream before its table was re-created, long gone: the listing no longer has it.</summary>
    private const string FormerStreamArn = "arn:aws:dynamodb:ddblocal:000000000000:table/carts/stream/2025-12-01T08:00:00.000";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly StreamsWorkerOptions Options = new()
    {
        WorkerId = "worker-1",
        // Long enough that a busy machine (CI runs the suites beside one another) does not starve a renewal that long.
        LeaseDuration = TimeSpan.FromSeconds(3),
        SafetyMargin = TimeSpan.FromMilliseconds(500),
        RenewInterval = TimeSpan.FromMilliseconds(20),
        DiscoveryInterval = TimeSpan.FromMilliseconds(20),
        IdlePollInterval = TimeSpan.FromMilliseconds(20),
        UnlistedStreamGrace = TimeSpan.Zero, // the wait is then one lease duration
    };

    private readonly OneShardWorker _run = new(Options, TimeProvider.System);

    [Fact]
    public async Task The_leases_of_a_stream_no_longer_listed_are_deleted_once_nobody_holds_them()
    {
        var abandoned = await TakenAsync(FormerStreamArn, "shardId-old-1", "worker-gone", checkpoint: "17");
        var finished = await CreatedAsync(FormerStreamArn, "shardId-old-2", Checkpoints.ShardEnd);
        // A table the worker does not read: its listing says nothing of that stream, so its lease is not the worker's to judge.
        var otherTables = await CreatedAsync("arn:aws:dynamodb:ddblocal:000000000000:table/orders/stream/2025-12-01T08:00:00.000", "shardId-9", "5");

        await _run.Worker.StartAsync(CancellationToken.None);

        await Eventually.HoldsAsync(() => _run.Leases.Find(abandoned.LeaseKey) is null && _run.Leases.Find(finished.LeaseKey) is null, Patience);
        Assert.NotNull(_run.Leases.Find(otherTables.LeaseKey));
        Assert.Equal("1", await _run.Processor.NextDeliveryAsync(Patience)); // the listed stream is read as ever
        Assert.NotNull(_run.Leases.Find(OneShardWorker.LeaseKey));
        var entries = _run.Log.Collector.GetSnapshot();
        var lost = Assert.Single(entries, entry => entry.Id.Id == 221);
        Assert.Equal(LogLevel.Warning, lost.Level);
        Assert.Contains("shardId-old-1 at checkpoint 17", lost.Message, StringComparison.Ordinal);
        Assert.Equal(LogLevel.Information, Assert.Single(entries, entry => entry.Id.Id == 220 && entry.Message.Contains("shardId-old-2", StringComparison.Ordinal)).Level);
    }

    [Fact]
    public async Task A_lease_of_a_stream_no_longer_listed_is_kept_while_its_holder_renews_it_and_deleted_once_it_stops()
    {
        // worker-2 still reads the old stream (it knew it before the table was re-created) and renews as a holder does,
        // from before the worker starts: a first renewal only after the first delivery would leave the lease unrenewed
        // for as long as a slow start-up takes, and a lease duration of that is a holder that stopped.
        var held = await TakenAsync(FormerStreamArn, "shardId-old-1", "worker-2", checkpoint: "17");
        using var holderStops = new CancellationTokenSource();
        var holder = RenewUntilStoppedAsync(held, holderStops.Token);
        await _run.Worker.StartAsync(CancellationToken.None);
        Assert.Equal("1", await _run.Processor.NextDeliveryAsync(Patience));

        // Two lease durations of renewals while the worker discovers every 20 ms.
        await Task.Delay(2 * Options.LeaseDuration);
        holderStops.Cancel();
        held = await holder;

        Assert.NotNull(_run.Leases.Find(held.LeaseKey));
        Assert.DoesNotContain(_run.Log.Collector.GetSnapshot(), entry => entry.Id.Id is 220 or 221);

        // worker-2 dies: after a lease duration without a renewal nobody holds the lease.
        await Eventually.HoldsAsync(() => _run.Leases.Find(held.LeaseKey) is null, Patience);
        Assert.Single(_run.Log.Collector.GetSnapshot(), entry => entry.Id.Id == 221);
    }

    [Fact]
    public async Task A_failed_listing_deletes_no_lease_and_reading_goes_on_from_the_checkpoint_once_it_answers()
    {
        // The worker stopped at checkpoint 1 (released). ListStreams fails: that is not a table without streams.
        var released = await _run.LeaseTable.ReleaseAsync(await TakenAsync(OneShardStream.StreamArn, OneShardStream.ShardId, "worker-0", checkpoint: "1"), null, CancellationToken.None);
        _run.Stream.ListingFailure = new StreamsServiceException("InternalServerError", "The Streams API is away.", 500);

        await _run.Worker.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => _run.Log.Collector.GetSnapshot().Count(entry => entry.Id.Id == 211) >= 50, Patience); // a second of failed cycles
        Assert.Equal(released, _run.Leases.Find(OneShardWorker.LeaseKey));

        _run.Stream.ListingFailure = null;
        await Eventually.HoldsAsync(() => _run.Leases.Find(OneShardWorker.LeaseKey)?.Owner == Options.WorkerId, Patience);
        await Eventually.HoldsAsync(() => _run.Log.Collector.GetSnapshot().Any(entry => entry.Id.Id == 201), Patience);
        Assert.Equal(0, _run.Processor.Handled); // record 1 was not read again from TRIM_HORIZON
        Assert.Equal("1", _run.Leases.Find(OneShardWorker.LeaseKey)!.Checkpoint);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Renews <paramref name="lease"/> every 100 ms until stopped; returns it as last renewed.</summary>
    private async Task<Lease> RenewUntilStoppedAsync(Lease lease, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            lease = await _run.LeaseTable.RenewAsync(lease, CancellationToken.None);
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
        }

        return lease;
    }

    public async Task DisposeAsync() => await _run.DisposeAsync();

    /// <summary>A lease that another worker took and checkpointed, and holds until it stops renewing it.</summary>
    private async Task<Lease> TakenAsync(string streamArn, string shardId, string owner, string checkpoint)
    {
        var created = await CreatedAsync(streamArn, shardId, Checkpoints.TrimHorizon);
        var taken = await _run.LeaseTable.TakeAsync(created, owner, CancellationToken.None);
        return await _run.LeaseTable.CheckpointAsync(taken!, checkpoint, CancellationToken.None);
    }

    /// <summary>A free lease at <paramref name="checkpoint"/>, as a worker that read that far and stopped left it.</summary>
    private async Task<Lease> CreatedAsync(string streamArn, string shardId, string checkpoint)
    {
        Assert.True(await _run.LeaseTable.CreateAsync(streamArn, new ShardDescription(shardId, null, "0", null), CancellationToken.None));
        var created = _run.Leases.Find(Lease.KeyOf(streamArn, shardId))!;
        if (checkpoint == Checkpoints.TrimHorizon)
        {
            return created;
        }

        var taken = await _run.LeaseTable.TakeAsync(created, "worker-0", CancellationToken.None);
        return await _run.LeaseTable.ReleaseAsync(await _run.LeaseTable.CheckpointAsync(taken!, checkpoint, CancellationToken.None), null, CancellationToken.None);
    }
}
