using DynamoDbStreams.Client;
using DynamoDbStreams.Leases;
using DynamoDbStreams.Processing;
using Microsoft.Extensions.Logging;

namespace UnitTests.Events;

/// <summary>The stream worker outlives what goes wrong in a shard's consumer: the shard is read again, the other work goes on.</summary>
public sealed class StreamsWorkerFailureTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly OneShardWorker _run = new(
        new StreamsWorkerOptions
        {
            WorkerId = "worker-1",
            LeaseDuration = TimeSpan.FromSeconds(30),
            SafetyMargin = TimeSpan.FromSeconds(5),
            RenewInterval = TimeSpan.FromMilliseconds(20),
            DiscoveryInterval = TimeSpan.FromMilliseconds(20),
            IdlePollInterval = TimeSpan.FromMilliseconds(20),
        },
        TimeProvider.System);

    [Fact]
    public async Task A_consumer_whose_iterator_recovery_fails_pauses_and_reads_the_shard_again()
    {
        _run.Stream.RecordsOutcomes.Enqueue(new TrimmedDataAccessException("Beyond the trim horizon.", 400));
        _run.Stream.IteratorOutcomes.Enqueue(null); // from the checkpoint, TRIM_HORIZON: the first read of the shard
        _run.Stream.IteratorOutcomes.Enqueue(new TimeoutException("No answer in time.")); // again from TRIM_HORIZON, after the trim

        await _run.Worker.StartAsync(CancellationToken.None);

        Assert.Equal("1", await _run.Processor.NextDeliveryAsync(Patience));
        Assert.DoesNotContain(_run.Log.Collector.GetSnapshot(), entry => entry.Level == LogLevel.Error || entry.Id.Id == 211); // no failed consumer, no failed cycle
        await StopAsync();
        Assert.Equal("1", _run.Leases.Find(OneShardWorker.LeaseKey)!.Checkpoint);
    }

    [Fact]
    public async Task A_consumer_that_ends_with_an_exception_is_logged_its_lease_released_and_its_shard_read_again()
    {
        // What a processor's own HTTP call that timed out throws; the consumer only expects cancellations from its stop.
        _run.Processor.Outcomes.Enqueue(new TaskCanceledException("The processor's call timed out."));

        await _run.Worker.StartAsync(CancellationToken.None);

        Assert.Equal("1", await _run.Processor.NextDeliveryAsync(Patience));
        var entries = _run.Log.Collector.GetSnapshot();
        Assert.IsType<TaskCanceledException>(Assert.Single(entries, entry => entry.Level == LogLevel.Error).Exception);
        Assert.Equal(2, entries.Count(entry => entry.Id.Id == 201)); // released, then taken again
        await StopAsync();
        Assert.Equal("1", _run.Leases.Find(OneShardWorker.LeaseKey)!.Checkpoint);
    }

    [Fact]
    public async Task A_shard_the_stream_no_longer_has_gets_its_lease_finished_and_deleted_and_its_child_is_read()
    {
        // The worker was away longer than the stream's 24 hours: the lease of a shard past the retention is still in the
        // table, unfinished, and the shard the stream lists is its child, which waits for it.
        const string trimmed = "shardId-0";
        _run.Stream.ParentShardId = trimmed;
        await new LeaseTable(_run.Leases, "events-leases", TimeProvider.System).CreateAsync(OneShardStream.StreamArn, new ShardDescription(trimmed, null, "0", "0"), CancellationToken.None);

        await _run.Worker.StartAsync(CancellationToken.None);

        Assert.Equal("1", await _run.Processor.NextDeliveryAsync(Patience));
        await Eventually.HoldsAsync(() => _run.Leases.Find(Lease.KeyOf(OneShardStream.StreamArn, trimmed)) is null, Patience);
        var entries = _run.Log.Collector.GetSnapshot();
        var vanished = Assert.Single(entries, entry => entry.Id.Id == 217);
        Assert.Equal(LogLevel.Warning, vanished.Level);
        Assert.Contains(trimmed, vanished.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(entries, entry => entry.Id.Id == 210); // never retried as a failed batch
        await StopAsync();
        Assert.Equal("1", _run.Leases.Find(OneShardWorker.LeaseKey)!.Checkpoint);
    }

    [Fact]
    public async Task A_stream_that_no_longer_exists_gets_its_shards_lease_finished_and_deleted_and_the_tables_new_stream_is_read()
    {
        await _run.Worker.StartAsync(CancellationToken.None);
        Assert.Equal("1", await _run.Processor.NextDeliveryAsync(Patience));

        _run.Stream.RecreateTable();

        Assert.Equal("1", await _run.Processor.NextDeliveryAsync(Patience)); // the new stream's record
        await Eventually.HoldsAsync(() => _run.Leases.Find(OneShardWorker.LeaseKey) is null, Patience);
        var entries = _run.Log.Collector.GetSnapshot();
        var vanished = Assert.Single(entries, entry => entry.Id.Id == 218);
        Assert.Equal(LogLevel.Warning, vanished.Level);
        Assert.Contains(OneShardStream.StreamArn, vanished.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(entries, entry => entry.Id.Id == 210); // never retried as a failed batch
        await StopAsync();
        Assert.Equal("1", _run.Leases.Find(Lease.KeyOf(OneShardStream.RecreatedStreamArn, OneShardStream.ShardId))!.Checkpoint);
    }

    [Fact]
    public async Task A_listed_stream_that_does_not_exist_is_skipped_and_the_held_leases_are_still_renewed()
    {
        await _run.Worker.StartAsync(CancellationToken.None);
        Assert.Equal("1", await _run.Processor.NextDeliveryAsync(Patience));

        _run.Stream.ListedButMissing = true;
        var counter = _run.Leases.Find(OneShardWorker.LeaseKey)!.Counter;

        // Only renewals move the counter of an idle shard: discovery's failure must not end the worker's cycle before them.
        await Eventually.HoldsAsync(() => _run.Leases.Find(OneShardWorker.LeaseKey)!.Counter >= counter + 5, Patience);
        var entries = _run.Log.Collector.GetSnapshot();
        Assert.Contains(entries, entry => entry.Id.Id == 219 && entry.Level == LogLevel.Warning);
        Assert.DoesNotContain(entries, entry => entry.Id.Id == 211);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _run.DisposeAsync();

    /// <summary>Stops the worker as the host does; it checkpoints and releases what it holds before it returns.</summary>
    private async Task StopAsync()
    {
        await _run.Worker.StopAsync(CancellationToken.None).WaitAsync(Patience);
        Assert.True(_run.Worker.ExecuteTask!.IsCompletedSuccessfully);
    }
}
