using DynamoDbStreams.Leases;
using DynamoDbStreams.Processing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace UnitTests.Events;

/// <summary>A worker whose lease ran out while it read a batch leaves that batch, and the shard, to the lease's new owner.</summary>
public sealed class StreamsWorkerLeaseLossTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly string LeaseKey = Lease.KeyOf(OneShardStream.StreamArn, OneShardStream.ShardId);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 15, 10, 21, 0, TimeSpan.Zero));
    private readonly StreamsWorkerOptions _options = new()
    {
        WorkerId = "worker-1",
        LeaseDuration = TimeSpan.FromSeconds(6),
        SafetyMargin = TimeSpan.FromSeconds(2),
        RenewInterval = TimeSpan.FromSeconds(1),
        DiscoveryInterval = TimeSpan.FromSeconds(2),
        IdlePollInterval = TimeSpan.FromMilliseconds(100),
    };

    private readonly OneShardStream _stream = new();
    private readonly InMemoryLeaseDynamoDb _leases = new();
    private readonly RecordingProcessor _processor = new();
    private readonly FakeLogger<StreamsWorker> _log = new();
    private readonly LeaseTable _leaseTable;
    private readonly StreamsWorker _worker;

    public StreamsWorkerLeaseLossTests()
    {
        _leaseTable = new LeaseTable(_leases, "events-leases", _clock);
        _worker = new StreamsWorker(
            _stream, _leaseTable, _processor, [new StreamSource(OneShardStream.Table)], Options.Create(_options), new ShardProgress(_clock), _clock, _log);
    }

    [Fact]
    public async Task A_batch_whose_read_outlasted_the_lease_is_neither_published_nor_checkpointed_and_the_shard_stays_with_its_new_owner()
    {
        _stream.DuringNextRead = async () =>
        {
            // The read takes a whole lease duration (a slow answer, a GC pause) and no renewal gets through meanwhile;
            // another worker saw the counter stand still that long and took the lease, as the planner lets it.
            var observed = _leases.Find(LeaseKey)!;
            Assert.NotNull(await _leaseTable.TakeAsync(observed, "worker-2", CancellationToken.None));
            _clock.Advance(_options.LeaseDuration);
        };

        await _worker.StartAsync(CancellationToken.None);

        // The consumer stopped, the lease lapsed (the wait is on the real clock: the worker's runs on the fake one).
        await Eventually.HoldsAsync(() => _log.Collector.GetSnapshot().Any(entry => entry.Id.Id == 212), Patience);
        Assert.Equal(0, _processor.Handled);
        var lease = _leases.Find(LeaseKey)!;
        Assert.Equal("worker-2", lease.Owner);
        Assert.Equal(Checkpoints.TrimHorizon, lease.Checkpoint);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _worker.StopAsync(CancellationToken.None).WaitAsync(Patience);
        _worker.Dispose();
        _leases.Dispose();
    }
}
