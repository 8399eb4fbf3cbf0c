using DynamoDbStreams.Leases;
using DynamoDbStreams.Processing;
using Events.Worker.Streams;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
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
    private readonly OneShardStream _stream = new();
    private readonly InMemoryLeaseDynamoDb _leases = new();
    private readonly RecordingProcessor _processor = new();
    private readonly TaskCompletionSource _neverAnswers = new();
    private readonly ShardProgress _progress;
    private readonly StreamsWorker _worker;

    public StreamsTurningHealthCheckTests()
    {
        _progress = new ShardProgress(_clock);
        _worker = new StreamsWorker(
            _stream, new LeaseTable(_leases, "events-leases", _clock), _processor, [new StreamSource(OneShardStream.Table)],
            Options.Create(_options), _progress, _clock, NullLogger<StreamsWorker>.Instance);
    }

    [Fact]
    public async Task A_worker_whose_loop_and_consumer_turn_stays_alive_past_the_stall_limit()
    {
        await _worker.StartAsync(CancellationToken.None);
        await _processor.NextDeliveryAsync(Patience);

        await RunForAsync(StreamsTurningHealthCheck.StalledAfter * 2);

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task A_consumer_wedged_on_a_read_that_never_answers_makes_the_worker_unalive_though_its_loop_still_renews_the_lease()
    {
        await _worker.StartAsync(CancellationToken.None);
        await _processor.NextDeliveryAsync(Patience);
        _stream.DuringNextRead = () => _neverAnswers.Task;

        await RunForAsync(StreamsTurningHealthCheck.StalledAfter / 2);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);

        await RunForAsync(StreamsTurningHealthCheck.StalledAfter);
        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains($"consumer of shard {OneShardStream.ShardId}", result.Description, StringComparison.Ordinal);
        Assert.Equal(_options.WorkerId, _leases.Find(Lease.KeyOf(OneShardStream.StreamArn, OneShardStream.ShardId))!.Owner);
    }

    [Fact]
    public async Task A_loop_wedged_on_a_call_that_never_answers_makes_the_worker_unalive()
    {
        await _worker.StartAsync(CancellationToken.None);
        await _processor.NextDeliveryAsync(Patience);
        _stream.DuringNextListing = () => _neverAnswers.Task;

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
            _processor.Outcomes.Enqueue(new TimeoutException("Redis did not answer"));
        }

        await _worker.StartAsync(CancellationToken.None);
        await RunForAsync(StreamsTurningHealthCheck.StalledAfter * 2);

        Assert.Equal(0, _processor.Handled);
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

    private Task<HealthCheckResult> CheckAsync() => new StreamsTurningHealthCheck(_progress, _clock).CheckHealthAsync(new HealthCheckContext());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _neverAnswers.TrySetResult();
        await _worker.StopAsync(CancellationToken.None).WaitAsync(Patience);
        _worker.Dispose();
        _leases.Dispose();
    }
}
