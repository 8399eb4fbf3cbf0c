using DynamoDbStreams.Processing;
using Events.Worker.Streams;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace UnitTests.Events;

public sealed class StreamsReadHealthCheckTests
{
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly DateTimeOffset T0 = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    private static Task<HealthCheckResult> Check(ShardProgress progress, TimeProvider clock) =>
        new StreamsReadHealthCheck(progress, Options.Create(new StreamsWorkerOptions()), clock).CheckHealthAsync(new HealthCheckContext());

    [Fact]
    public async Task The_worker_is_unhealthy_until_the_streams_have_been_read()
    {
        var clock = new ManualClock(T0);

        Assert.Equal(HealthStatus.Unhealthy, (await Check(new ShardProgress(clock), clock)).Status);
    }

    [Fact]
    public async Task The_worker_is_healthy_while_the_streams_answer_and_unhealthy_once_they_stop()
    {
        var clock = new ManualClock(T0);
        var progress = new ShardProgress(clock);
        progress.StreamsAnswered();

        Assert.Equal(HealthStatus.Healthy, (await Check(progress, clock)).Status);

        clock.Now = T0 + TimeSpan.FromMinutes(1);
        progress.StreamsFailed(new HttpRequestException("connection refused"));
        var result = await Check(progress, clock);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("connection refused", result.Description, StringComparison.Ordinal);
    }
}
