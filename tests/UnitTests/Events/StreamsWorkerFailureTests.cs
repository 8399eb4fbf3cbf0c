using DynamoDbStreams.Client;
using DynamoDbStreams.Leases;
using DynamoDbStreams.Processing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace UnitTests.Events;

/// <summary>The stream worker outlives what goes wrong in a shard's consumer: the shard is read again, the other work goes on.</summary>
public sealed class StreamsWorkerFailureTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly string LeaseKey = Lease.KeyOf(OneShardStream.StreamArn, OneShardStream.ShardId);

    private readonly OneShardStream _stream = new();
    private readonly InMemoryLeaseDynamoDb _leases = new();
    private readonly RecordingProcessor _processor = new();
    private readonly FakeLogger<StreamsWorker> _log = new();
    private readonly StreamsWorker _worker;

    public StreamsWorkerFailureTests()
    {
        var options = new StreamsWorkerOptions
        {
            WorkerId = "worker-1",
            LeaseDuration = TimeSpan.FromSeconds(30),
            SafetyMargin = TimeSpan.FromSeconds(5),
            RenewInterval = TimeSpan.FromMilliseconds(20),
            DiscoveryInterval = TimeSpan.FromMilliseconds(20),
            IdlePollInterval = TimeSpan.FromMilliseconds(20),
        };
        _worker = new StreamsWorker(
            _stream,
            new LeaseTable(_leases, "events-leases", TimeProvider.System),
            _processor,
            [new StreamSource(OneShardStream.Table)],
            Options.Create(options),
            new ShardProgress(TimeProvider.System),
            TimeProvider.System,
            _log);
    }

    [Fact]
    public async Task A_consumer_whose_iterator_recovery_fails_pauses_and_reads_the_shard_again()
    {
        _stream.RecordsOutcomes.Enqueue(new TrimmedDataAccessException("Beyond the trim horizon.", 400));
        _stream.IteratorOutcomes.Enqueue(null); // from the checkpoint, TRIM_HORIZON: the first read of the shard
        _stream.IteratorOutcomes.Enqueue(new TimeoutException("No answer in time.")); // again from TRIM_HORIZON, after the trim

        await _worker.StartAsync(CancellationToken.None);

        Assert.Equal("1", await _processor.NextDeliveryAsync(Patience));
        Assert.DoesNotContain(_log.Collector.GetSnapshot(), entry => entry.Level == LogLevel.Error || entry.Id.Id == 211); // no failed consumer, no failed cycle
        await StopAsync();
        Assert.Equal("1", _leases.Find(LeaseKey)!.Checkpoint);
    }

    [Fact]
    public async Task A_consumer_that_ends_with_an_exception_is_logged_its_lease_released_and_its_shard_read_again()
    {
        // What a processor's own HTTP call that timed out throws; the consumer only expects cancellations from its stop.
        _processor.Outcomes.Enqueue(new TaskCanceledException("The processor's call timed out."));

        await _worker.StartAsync(CancellationToken.None);

        Assert.Equal("1", await _processor.NextDeliveryAsync(Patience));
        var entries = _log.Collector.GetSnapshot();
        Assert.IsType<TaskCanceledException>(Assert.Single(entries, entry => entry.Level == LogLevel.Error).Exception);
        Assert.Equal(2, entries.Count(entry => entry.Id.Id == 201)); // released, then taken again
        await StopAsync();
        Assert.Equal("1", _leases.Find(LeaseKey)!.Checkpoint);
    }

    [Fact]
    public async Task A_shard_the_stream_no_longer_has_gets_its_lease_finished_and_deleted_and_its_child_is_read()
    {
        // The worker was away longer than the stream's 24 hours: the lease of a shard past the retention is still in the
        // table, unfinished, and the shard the stream lists is its child, which waits for it.
        const string trimmed = "shardId-0";
        _stream.ParentShardId = trimmed;
        await new LeaseTable(_leases, "events-leases", TimeProvider.System).CreateAsync(OneShardStream.StreamArn, new ShardDescription(trimmed, null, "0", "0"), CancellationToken.None);

        await _worker.StartAsync(CancellationToken.None);

        Assert.Equal("1", await _processor.NextDeliveryAsync(Patience));
        await Eventually.HoldsAsync(() => _leases.Find(Lease.KeyOf(OneShardStream.StreamArn, trimmed)) is null, Patience);
        var entries = _log.Collector.GetSnapshot();
        var vanished = Assert.Single(entries, entry => entry.Id.Id == 217);
        Assert.Equal(LogLevel.Warning, vanished.Level);
        Assert.Contains(trimmed, vanished.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(entries, entry => entry.Id.Id == 210); // never retried as a failed batch
        await StopAsync();
        Assert.Equal("1", _leases.Find(LeaseKey)!.Checkpoint);
    }

    [Fact]
    public async Task A_stream_that_no_longer_exists_gets_its_shards_lease_finished_and_deleted_and_the_tables_new_stream_is_read()
    {
        await _worker.StartAsync(CancellationToken.None);
        Assert.Equal("1", await _processor.NextDeliveryAsync(Patience));

        _stream.RecreateTable();

        Assert.Equal("1", await _processor.NextDeliveryAsync(Patience)); // the new stream's record
        await Eventually.HoldsAsync(() => _leases.Find(LeaseKey) is null, Patience);
        var entries = _log.Collector.GetSnapshot();
        var vanished = Assert.Single(entries, entry => entry.Id.Id == 218);
        Assert.Equal(LogLevel.Warning, vanished.Level);
        Assert.Contains(OneShardStream.StreamArn, vanished.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(entries, entry => entry.Id.Id == 210); // never retried as a failed batch
        await StopAsync();
        Assert.Equal("1", _leases.Find(Lease.KeyOf(OneShardStream.RecreatedStreamArn, OneShardStream.ShardId))!.Checkpoint);
    }

    [Fact]
    public async Task A_listed_stream_that_does_not_exist_is_skipped_and_the_held_leases_are_still_renewed()
    {
        await _worker.StartAsync(CancellationToken.None);
        Assert.Equal("1", await _processor.NextDeliveryAsync(Patience));

        _stream.ListedButMissing = true;
        var counter = _leases.Find(LeaseKey)!.Counter;

        // Only renewals move the counter of an idle shard: discovery's failure must not end the worker's cycle before them.
        await Eventually.HoldsAsync(() => _leases.Find(LeaseKey)!.Counter >= counter + 5, Patience);
        var entries = _log.Collector.GetSnapshot();
        Assert.Contains(entries, entry => entry.Id.Id == 219 && entry.Level == LogLevel.Warning);
        Assert.DoesNotContain(entries, entry => entry.Id.Id == 211);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _worker.StopAsync(CancellationToken.None);
        _worker.Dispose();
        _leases.Dispose();
    }

    /// <summary>Stops the worker as the host does; it checkpoints and releases what it holds before it returns.</summary>
    private async Task StopAsync()
    {
        await _worker.StopAsync(CancellationToken.None).WaitAsync(Patience);
        Assert.True(_worker.ExecuteTask!.IsCompletedSuccessfully);
    }
}
