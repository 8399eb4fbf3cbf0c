using Orchestration.ApplicationModel;

namespace IntegrationTests.Gateway;

/// <summary>
/// A whole system of its own for the tests that would disturb the shared platform: they kill a replica,
/// or need a rate limit small enough to exhaust deterministically. The gateway is configured at start,
/// as an operator would: a bucket of <see cref="TokenLimit"/> tokens refilled over a minute, and for
/// cart-api passive health alone (no active probes that could eject a dead replica before a request
/// meets it) with a reactivation period longer than the test.
/// </summary>
public sealed class IsolatedGatewayFixture : IAsyncLifetime
{
    public const int TokenLimit = 50;

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Program>(cancellationToken: timeout.Token);
        builder.Find("gateway").Annotations.Add(new EnvironmentCallbackAnnotation(context =>
        {
            context.Variables["RateLimiting__TokenLimit"] = $"{TokenLimit}";
            context.Variables["RateLimiting__TokensPerPeriod"] = $"{TokenLimit}";
            context.Variables["RateLimiting__ReplenishmentPeriod"] = "00:01:00";
            context.Variables["ReverseProxy__Clusters__cart-api__HealthCheck__Active__Enabled"] = "false";
            context.Variables["ReverseProxy__Clusters__cart-api__HealthCheck__Passive__ReactivationPeriod"] = "00:05:00";
        }));
        _app = builder.Build();
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
