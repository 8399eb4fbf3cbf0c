using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace IntegrationTests.Gateway;

/// <summary>
/// A whole system of its own for the tests that would disturb the shared platform: they kill a replica,
/// or need rate limits small enough to exhaust deterministically. The gateway is configured at start,
/// as an operator would: buckets of <see cref="ClientTokenLimit"/> tokens per client and
/// <see cref="IpTokenLimit"/> per address, each refilled over a minute, and for cart-api passive health
/// alone (no active probes that could eject a dead replica before a request meets it) with a
/// reactivation period longer than the test.
/// </summary>
public sealed class IsolatedGatewayFixture : PlatformFixture
{
    public const int ClientTokenLimit = 50;

    /// <summary>Room for every test that runs from 127.0.0.1 (about 230 requests) beside a bucket a test can still empty.</summary>
    public const int IpTokenLimit = 300;

    protected override void Configure(IDistributedApplicationTestingBuilder builder) =>
        builder.CreateResourceBuilder<ProjectResource>("gateway")
            .WithEnvironment("RateLimiting__Client__TokenLimit", ClientTokenLimit.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("RateLimiting__Client__TokensPerPeriod", ClientTokenLimit.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("RateLimiting__Client__ReplenishmentPeriod", "00:01:00")
            .WithEnvironment("RateLimiting__Ip__TokenLimit", IpTokenLimit.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("RateLimiting__Ip__TokensPerPeriod", IpTokenLimit.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("RateLimiting__Ip__ReplenishmentPeriod", "00:01:00")
            .WithEnvironment("ReverseProxy__Clusters__cart-api__HealthCheck__Active__Enabled", "false")
            .WithEnvironment("ReverseProxy__Clusters__cart-api__HealthCheck__Passive__ReactivationPeriod", "00:05:00");
}
