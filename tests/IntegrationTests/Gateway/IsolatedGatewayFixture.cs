using Aspire.Hosting.ApplicationModel;

namespace IntegrationTests.Gateway;

/// <summary>
/// A whole system of its own for the tests that would disturb the shared platform: they kill a replica,
/// or need a rate limit small enough to exhaust deterministically. The gateway is configured at start,
/// as an operator would: a bucket of <see cref="TokenLimit"/> tokens refilled over a minute, and for
/// cart-api passive health alone (no active probes that could eject a dead replica before a request
/// meets it) with a reactivation period longer than the test.
/// </summary>
public sealed class IsolatedGatewayFixture : PlatformFixture
{
    public const int TokenLimit = 50;

    protected override void Configure(IDistributedApplicationTestingBuilder builder) =>
        builder.CreateResourceBuilder<ProjectResource>("gateway")
            .WithEnvironment("RateLimiting__TokenLimit", TokenLimit.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("RateLimiting__TokensPerPeriod", TokenLimit.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("RateLimiting__ReplenishmentPeriod", "00:01:00")
            .WithEnvironment("ReverseProxy__Clusters__cart-api__HealthCheck__Active__Enabled", "false")
            .WithEnvironment("ReverseProxy__Clusters__cart-api__HealthCheck__Passive__ReactivationPeriod", "00:05:00");
}
