using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using HostingIntegrations.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace UnitTests.HostingIntegrations;

public sealed class ReadinessHttpHealthCheckTests : IAsyncDisposable
{
    private readonly int _port = FreePort();
    private WebApplication? _server;

    [Fact]
    public async Task A_starting_resource_is_seen_healthy_as_soon_as_it_answers_not_at_the_next_poll()
    {
        var check = CreateCheck(new ReadinessHttpHealthCheck.State());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _ = Task.Delay(TimeSpan.FromMilliseconds(700)).ContinueWith(_ => StartServerAsync(StatusCodes.Status200OK)).Unwrap();

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(700), ReadinessHttpHealthCheck.Patience);
    }

    [Fact]
    public async Task A_resource_that_was_healthy_once_is_answered_for_at_once()
    {
        var state = new ReadinessHttpHealthCheck.State();
        await StartServerAsync(StatusCodes.Status200OK);
        Assert.Equal(HealthStatus.Healthy, (await CreateCheck(state).CheckHealthAsync(new HealthCheckContext())).Status);
        await _server!.StopAsync();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await CreateCheck(state).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_waiting_check_ends_when_the_apphost_stops()
    {
        await StartServerAsync(StatusCodes.Status503ServiceUnavailable);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateCheck(new ReadinessHttpHealthCheck.State()).CheckHealthAsync(new HealthCheckContext(), cancel.Token));
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private ReadinessHttpHealthCheck CreateCheck(ReadinessHttpHealthCheck.State state)
    {
        var resource = new ExecutableResource("probed", "true", "/");
        var annotation = new EndpointAnnotation(ProtocolType.Tcp, uriScheme: "http", name: "http", port: _port, isProxied: false);
        annotation.AllocatedEndpoint = new AllocatedEndpoint(annotation, "localhost", _port);
        resource.Annotations.Add(annotation);
        return new ReadinessHttpHealthCheck(new EndpointReference(resource, annotation), "/health", 200, () => new HttpClient { Timeout = TimeSpan.FromSeconds(2) }, state);
    }

    private async Task StartServerAsync(int status)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_port}");
        _server = builder.Build();
        _server.MapGet("/health", () => Results.StatusCode(status));
        await _server.StartAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
