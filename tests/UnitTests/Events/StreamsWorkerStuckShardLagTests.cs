using DynamoDbStreams.Processing;
using Microsoft.Extensions.Time.Testing;

namespace UnitTests.Events;

/// <summary>
/// A shard whose batch keeps failing is seen falling behind: its lag (the gauge <c>events.worker.shard.lag</c>, which the
/// deployed alarm reads) grows with the age of the batch it cannot get past, instead of keeping the lag of its last success.
/// </summary>
public sealed class StreamsWorkerStuckShardLagTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset Written = new(2026, 1, 15, 10, 21, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Written + TimeSpan.FromSeconds(2));

    // Leases far longer than the clock's jumps: the test is about the lag, not about a lease lapsing while time leaps.
    private readonly OneShardWorker _run;

    public StreamsWorkerStuckShardLagTests()
    {
        _run = new OneShardWorker(
            new StreamsWorkerOptions
            {
                WorkerId = "worker-1",
                LeaseDuration = TimeSpan.FromHours(1),
                SafetyMargin = TimeSpan.FromMinutes(5),
                RenewInterval = TimeSpan.FromSeconds(10),
                DiscoveryInterval = TimeSpan.FromSeconds(10),
                IdlePollInterval = TimeSpan.FromMilliseconds(100),
            },
            _clock);
        _run.Stream.RecordCreatedAt = Written;
    }

    [Fact]
    public async Task A_batch_that_keeps_failing_makes_its_shard_lag_grow_and_the_lag_falls_back_once_it_goes_through()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            _run.Processor.Outcomes.Enqueue(new InvalidOperationException("The record cannot be published."));
        }

        await _run.Worker.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => _run.Processor.Outcomes.Count == 2, Patience); // the first attempt failed
        Assert.Equal(2, LagOfTheShard(), precision: 3);

        // Two minutes on, the batch has failed again (the consumer retries every 500 ms): the shard is that much further behind.
        _clock.Advance(TimeSpan.FromMinutes(2));
        await Eventually.HoldsAsync(() => _run.Processor.Outcomes.Count == 1, Patience);
        Assert.Equal(122, LagOfTheShard(), precision: 3);

        // The third attempt fails, the fourth goes through: the lag is the batch's age when it was processed, then 0 once caught up.
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.HoldsAsync(() => _run.Processor.Outcomes.IsEmpty, Patience);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("1", await _run.Processor.NextDeliveryAsync(Patience));
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.HoldsAsync(() => LagOfTheShard() == 0, Patience);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _run.DisposeAsync();

    private double LagOfTheShard() => _run.Progress.LagSeconds.GetValueOrDefault(OneShardStream.ShardId, double.NaN);
}
