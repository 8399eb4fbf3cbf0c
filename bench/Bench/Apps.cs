using Aspire.Hosting.ApplicationModel;
using HostingIntegrations.Projects;
using HostingIntegrations.Redis;

namespace Bench;

/// <summary>The two systems a run compares: the platform itself, and the bare baseline of a path.</summary>
internal static class Apps
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The AppHost's own model, on ports of its own, without the dashboard (no telemetry export into this process, which is also the load generator).</summary>
    public static async Task<DistributedApplication> StartPlatformAsync(IReadOnlyList<ResourceEnvironment> experiment, CancellationToken cancellationToken, Action<IDistributedApplicationTestingBuilder>? configure = null)
    {
        var builder = await PlatformBuilder.CreateAsync(cancellationToken: cancellationToken);
        configure?.Invoke(builder);
        // The bench is one process on one address sending what thousands of users would: the gateway's per-client and
        // per-address buckets (40 and 400 a burst) would measure themselves, so the limiter is off for its runs.
        builder.CreateResourceBuilder<ProjectResource>("gateway").WithEnvironment("RateLimiting__Enabled", "false");
        ResourceEnvironment.Apply(builder.Resources, experiment);
        ResourceLogFiles.KeepOffTheConsole(builder);
        var platform = await builder.StartHealthyAsync(StartupTimeout, cancellationToken);
        ResourceLogFiles.CopyToFiles(platform, "platform");
        return platform;
    }

    /// <summary>redis-server ← Kestrel doing a Redis GET ← a YARP forwarder: the same hops as the cached cart read.</summary>
    public static async Task<DistributedApplication> StartBaselineAsync(CancellationToken cancellationToken, Action<IDistributedApplicationTestingBuilder>? configure = null)
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var redis = builder.AddRedisServer("baseline-redis");
        var backend = builder.AddProject<Projects.BaselineServer>("baseline-backend").AsHttpService()
            .WithEnvironment("Baseline__Role", "backend")
            .WithReference(redis).WaitFor(redis);
        builder.AddProject<Projects.BaselineServer>("baseline-proxy").AsHttpService()
            .WithEnvironment("Baseline__Role", "proxy")
            .WithReference(backend).WaitFor(backend);
        configure?.Invoke(builder);
        ResourceLogFiles.KeepOffTheConsole(builder);
        var baseline = await builder.StartHealthyAsync(StartupTimeout, cancellationToken);
        ResourceLogFiles.CopyToFiles(baseline, "baseline");
        return baseline;
    }

    /// <summary>
    /// For a profile run: every .NET service writes <c>/tmp/perf-&lt;pid&gt;.map</c> (<c>DOTNET_PerfMapEnabled=3</c>, the
    /// map alone), so <c>perf record -g -p &lt;pid&gt;</c> names JIT-compiled frames; hot framework code is recompiled
    /// at tier 1 during the warm-up and named too. Code is not double-mapped (<c>DOTNET_EnableWriteXorExecute=0</c>):
    /// perf would otherwise see it in a <c>memfd:doublemapper</c> file the map's addresses do not match.
    /// </summary>
    public static void WritePerfMaps(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project)
                .WithEnvironment("DOTNET_PerfMapEnabled", "3")
                .WithEnvironment("DOTNET_EnableWriteXorExecute", "0");
        }
    }

    public static HttpClient LoadClient(Uri baseAddress) =>
        new(new SocketsHttpHandler { UseProxy = false, UseCookies = false, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(10),
        };
}
