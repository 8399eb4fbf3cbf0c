using DynamoDbStreams.Processing;
using Events.Worker.Streams;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace UnitTests.Events;

/// <summary>
/// The worker's liveness: the real <see cref="StreamsWorker"/> on a fake clock, its loop or a shard's consumer wedged on
/// a call that never answers, and <see cref="StreamsTurningHealthCheck"/> reading the same <see cref="ShardProgress"/>.
/// </summary>
public sealed class StreamsTurningHealthCheckTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 15, 10, 21, 0, TimeSpan.Zero));
    private readonly StreamsWorkerOptions _options = new() { WorkerId = "worker-1" };
    private readonly TaskCompletionSource _neverAnswers = new();
    private readonly OneShardWorker _run;

    public StreamsTurningHealthCheckTests() => _run = new OneShardWorker(_options, _clock);

    [Fact]
    public async Task A_worker_whose_loop_and_consumer_turn_stays_alive_past_the_stall_limit()
    {
        await _run.Worker.StartAsync(CancellationToken.None);
        await _run.Processor.NextDeliveryAsync(Patience);

        await RunForAsync(StreamsTurningHealthCheck.StalledAfter * 2);

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task A_consumer_wedged_on_a_read_that_never_answers_makes_the_worker_unalive_though_its_loop_still_renews_the_lease()
    {
        await _run.Worker.StartAsync(CancellationToken.None);
        await _run.Processor.NextDeliveryAsync(Patience);
        _run.Stream.DuringNextRead = () => _neverAnswers.Task;

        await RunForAsync(StreamsTurningHealthCheck.StalledAfter / 2);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);

        await RunForAsync(StreamsTurningHealthCheck.StalledAfter);
        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains($"consumer of shard {OneShardStream.ShardId}", result.Description, StringComparison.Ordinal);
        Assert.Equal(_options.WorkerId, _run.Leases.Find(OneShardWorker.LeaseKey)!.Owner);
    }

    [Fact]
    public async Task A_loop_wedged_on_a_call_that_never_answers_makes_the_worker_unalive()
    {
        await _run.Worker.StartAsync(CancellationToken.None);
        await _run.Processor.NextDeliveryAsync(Patience);
        _run.Stream.DuringNextListing = () => _neverAnswers.Task;

        await RunForAsync(StreamsTurningHealthCheck.StalledAfter + _options.DiscoveryInterval + Step);
        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains(ShardProgress.WorkerLoop, result.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_consumer_retrying_a_batch_that_keeps_failing_is_alive()
    {
        for (var i = 0; i < 1_000; i++)
        {
            _run.Processor.Outcomes.Enqueue(new TimeoutException("Redis did not answer"));
        }

        await _run.Worker.StartAsync(CancellationToken.None);
        await RunForAsync(StreamsTurningHealthCheck.StalledAfter * 2);

        Assert.Equal(0, _run.Processor.Handled);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }

    /// <summary>Moves the fake clock a second at a time, giving the worker's tasks a moment (real time) after each step.</summary>
    private async Task RunForAsync(TimeSpan span)
    {
        for (var run = TimeSpan.Zero; run < span; run += Step)
        {
            _clock.Advance(Step);
            await Task.Delay(5);
        }
    }

    private Task<HealthCheckResult> CheckAsync() => new StreamsTurningHealthCheck(_run.Progress, _clock).CheckHealthAsync(new HealthCheckContext());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _neverAnswers.TrySetResult();
        await _run.DisposeAsync();
    }
}
