using DynamoDbStreams.Leases;
using DynamoDbStreams.Processing;
using Microsoft.Extensions.Time.Testing;

namespace UnitTests.Events;

/// <summary>A worker whose lease ran out while it read a batch leaves that batch, and the shard, to the lease's new owner.</summary>
public sealed class StreamsWorkerLeaseLossTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
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

    private readonly OneShardWorker _run;

    public StreamsWorkerLeaseLossTests() => _run = new OneShardWorker(_options, _clock);

    [Fact]
    public async Task A_batch_whose_read_outlasted_the_lease_is_neither_published_nor_checkpointed_and_the_shard_stays_with_its_new_owner()
    {
        _run.Stream.DuringNextRead = async () =>
        {
            // The read takes a whole lease duration (a slow answer, a GC pause) and no renewal gets through meanwhile;
            // another worker saw the counter stand still that long and took the lease, as the planner lets it.
            var observed = _run.Leases.Find(OneShardWorker.LeaseKey)!;
            Assert.NotNull(await _run.LeaseTable.TakeAsync(observed, "worker-2", CancellationToken.None));
            _clock.Advance(_options.LeaseDuration);
        };

        await _run.Worker.StartAsync(CancellationToken.None);

        // The consumer stopped, the lease lapsed (the wait is on the real clock: the worker's runs on the fake one).
        await Eventually.HoldsAsync(() => _run.Log.Collector.GetSnapshot().Any(entry => entry.Id.Id == 212), Patience);
        Assert.Equal(0, _run.Processor.Handled);
        var lease = _run.Leases.Find(OneShardWorker.LeaseKey)!;
        Assert.Equal("worker-2", lease.Owner);
        Assert.Equal(Checkpoints.TrimHorizon, lease.Checkpoint);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _run.DisposeAsync();
}
