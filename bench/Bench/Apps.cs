using Orchestration.Testing;

namespace Bench;

/// <summary>The two systems a run compares: the platform itself, and the bare baseline of a path.</summary>
internal static class Apps
{
    /// <summary>The AppHost's own model, on random ports, output kept in memory.</summary>
    public static async Task<DistributedApplication> StartPlatformAsync(CancellationToken cancellationToken)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Program>(cancellationToken: cancellationToken);
        // The bench is one client sending what many users would: the per-client limiter would measure itself.
        builder.Find("gateway").Annotations.Add(new Orchestration.ApplicationModel.EnvironmentCallbackAnnotation(
            context => context.Variables["RateLimiting__Enabled"] = "false"));
        // No telemetry export into this process, which is also the load generator.
        builder.Options.Dashboard.Enabled = false;
        return await StartAsync(builder.Build(), cancellationToken);
    }

    /// <summary>redis-server ← Kestrel doing a Redis GET ← a YARP forwarder: the same hops as the cached cart read.</summary>
    public static async Task<DistributedApplication> StartBaselineAsync(CancellationToken cancellationToken)
    {
        var builder = DistributedApplication.CreateBuilder([]);
        builder.Options.RandomizePorts = true;
        builder.Options.EchoResourceOutput = false;
        builder.Options.PrintSummary = false;
        var redis = builder.AddRedis("baseline-redis");
        var backend = builder.AddProject<Projects.BaselineServer>("baseline-backend")
            .WithEnvironment("Baseline__Role", "backend")
            .WithReference(redis).WaitFor(redis);
        builder.AddProject<Projects.BaselineServer>("baseline-proxy")
            .WithEnvironment("Baseline__Role", "proxy")
            .WithReference(backend).WaitFor(backend);
        return await StartAsync(builder.Build(), cancellationToken);
    }

    public static HttpClient LoadClient(Uri baseAddress) =>
        new(new SocketsHttpHandler { UseProxy = false, UseCookies = false, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(10),
        };

    private static async Task<DistributedApplication> StartAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        await app.StartAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await Task.WhenAll(app.Resources.Select(r => app.ResourceNotifications.WaitForResourceHealthyAsync(r.Name, timeout.Token)));
        return app;
    }
}
