using System.Diagnostics.Metrics;
using DynamoDbStreams.Processing;
using Events.Worker;
using Events.Worker.Publishing;
using Events.Worker.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace UnitTests.Events;

/// <summary>The health check and the lag gauge answer from the monitor's last look (<see cref="StreamGroupsSnapshot"/>).</summary>
public sealed class StreamGroupsLagHealthCheckTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly StreamGroupsSnapshot _snapshot = new();

    private static StreamGroupState Behind(long lag) =>
        new("events:carts", "search", 100_000, new(1000, 0), new(2000, 0), StreamEntryId.Zero, new(1100, 0), lag, null);

    private Task<HealthCheckResult> CheckAsync() => new StreamGroupsLagHealthCheck(_snapshot, Options.Create(new EventsOptions()))
        .CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("event-stream-groups", _ => null!, HealthStatus.Degraded, null),
        });

    [Fact]
    public async Task Before_the_first_look_the_worker_is_healthy_and_a_failed_look_degrades_it()
    {
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);

        _snapshot.Failed(new TimeoutException("redis down"), T0);
        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("Could not read", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_look_decides_and_the_gauge_shows_each_group_lag()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        using var metrics = new WorkerMetrics(meters, new ShardProgress(new FakeTimeProvider(T0)), _snapshot);
        using var lag = new MetricCollector<long>(meters, WorkerMetrics.MeterName, "events.worker.stream.group.lag");

        _snapshot.Taken([Behind(90_000)], T0);
        lag.RecordObservableInstruments();

        Assert.Equal(HealthStatus.Degraded, (await CheckAsync()).Status);
        var measurement = Assert.Single(lag.GetMeasurementSnapshot());
        Assert.Equal(90_000, measurement.Value);
        Assert.Equal("search", measurement.Tags["group"]);
        Assert.Equal("events:carts", measurement.Tags["stream"]);

        _snapshot.Taken([Behind(10)], T0.AddSeconds(10));
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }

    public void Dispose() => _services.Dispose();
}
