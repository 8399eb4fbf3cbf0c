using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace UnitTests.HealthProbe;

/// <summary>
/// The containers' health check command (deploy/ContainerHealth.cs), run as ECS runs it — <c>dotnet HealthProbe.dll
/// {url}</c> in a process of its own — against real endpoints on loopback: its exit code is the check's verdict.
/// </summary>
public class HealthProbeTests
{
    private static readonly string ProbeDll = Path.Combine(AppContext.BaseDirectory, "HealthProbe.dll");

    [Fact]
    public async Task A_healthy_liveness_endpoint_exits_zero()
    {
        await using var alive = await AliveEndpoint.StartAsync(HealthStatus.Healthy);

        var (exitCode, log) = await ProbeAsync(alive.Url);

        Assert.True(exitCode == 0, log);
    }

    [Fact]
    public async Task An_unhealthy_liveness_endpoint_answering_503_exits_one()
    {
        await using var alive = await AliveEndpoint.StartAsync(HealthStatus.Unhealthy);

        var (exitCode, log) = await ProbeAsync(alive.Url);

        Assert.Equal(1, exitCode);
        Assert.Contains("answered 503", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_nothing_listens_on_exits_one()
    {
        var port = FreePort();

        var (exitCode, log) = await ProbeAsync($"http://127.0.0.1:{port}/alive");

        Assert.Equal(1, exitCode);
        Assert.Contains("failed", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_process_that_accepts_but_never_answers_exits_one_before_the_ecs_timeout()
    {
        // A wedged service: the socket accepts (the kernel's backlog) but no response ever comes.
        using var wedged = new TcpListener(IPAddress.Loopback, 0);
        wedged.Start();
        var port = ((IPEndPoint)wedged.LocalEndpoint).Port;
        var clock = Stopwatch.StartNew();

        var (exitCode, log) = await ProbeAsync($"http://127.0.0.1:{port}/alive");

        Assert.Equal(1, exitCode);
        Assert.Contains("did not answer", log, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.Elapsed} is past the ECS check's 5 s timeout");
    }

    private static async Task<(int ExitCode, string Log)> ProbeAsync(string url)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ProbeDll);
        start.ArgumentList.Add(url);
        using var probe = Process.Start(start)!;
        var output = probe.StandardOutput.ReadToEndAsync();
        var error = probe.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await probe.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            probe.Kill(entireProcessTree: true);
            throw;
        }

        return (probe.ExitCode, await output + await error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A Kestrel app on loopback whose <c>/alive</c> is ASP.NET Core's health check endpoint with one check reporting a given status.</summary>
    private sealed class AliveEndpoint(WebApplication app, string address) : IAsyncDisposable
    {
        public string Url => $"{address}/alive";

        public static async Task<AliveEndpoint> StartAsync(HealthStatus status)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddHealthChecks().AddCheck("self", () => new HealthCheckResult(status));
            var app = builder.Build();
            app.MapHealthChecks("/alive");
            await app.StartAsync();
            return new AliveEndpoint(app, app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        }

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
