using Aspire.Hosting.ApplicationModel;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IntegrationTests.Canary;

/// <summary>The canary walking a guest cart through the running system, and what it reports when the system fails it.</summary>
public sealed partial class CanaryTests(CanaryPlatformFixture platform) : IClassFixture<CanaryPlatformFixture>
{
    private static readonly TimeSpan RunWait = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task The_canary_walks_a_guest_cart_through_the_gateway_and_reports_a_successful_run()
    {
        var lines = await Eventually.ReturnsAsync(platform.LinesAsync, l => l.Any(line => Succeeded().IsMatch(line)), RunWait);

        // The cart it walked is one cart-api created: the run went through the gateway to the service, not around it.
        var cartId = lines.Select(line => Succeeded().Match(line)).First(m => m.Success).Groups["cart"].Value;
        var created = await Task.WhenAll(platform.App.ReplicaNames("cart-api").Select(replica => platform.App.ConsoleLinesAsync(replica)));
        Assert.Contains(created.SelectMany(l => l), line => line.Contains($"Created cart {cartId}", StringComparison.Ordinal));

        using var canary = new HttpClient { BaseAddress = platform.App.HttpEndpoint(CanaryPlatformFixture.Resource) };
        Assert.Equal(HttpStatusCode.OK, (await canary.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task With_cart_api_down_the_canary_logs_the_failed_step_and_status_turns_unhealthy_and_recovers_once_it_is_back()
    {
        var replicas = platform.App.ReplicaNames("cart-api");
        await Eventually.ReturnsAsync(platform.LinesAsync, l => l.Any(line => Succeeded().IsMatch(line)), RunWait);
        foreach (var replica in replicas)
        {
            await platform.App.ExecuteCommandAsync(replica, KnownResourceCommands.StopCommand);
        }

        try
        {
            var lines = await Eventually.ReturnsAsync(platform.LinesAsync, l => l.Any(line => Failed().IsMatch(line)), RunWait);
            var failure = lines.Select(line => Failed().Match(line)).First(m => m.Success);
            Assert.Matches("^5[0-9][0-9]$", failure.Groups["status"].Value); // the gateway's answer: no cart-api behind it

            await platform.App.ResourceNotifications.WaitForResourceAsync(CanaryPlatformFixture.Resource, e => e.Snapshot.HealthStatus == HealthStatus.Unhealthy)
                .WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await platform.App.ExecuteCommandAsync(replica, KnownResourceCommands.StartCommand);
            }
        }

        foreach (var replica in replicas)
        {
            await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(replica).WaitAsync(TimeSpan.FromMinutes(1));
        }

        await platform.App.ResourceNotifications.WaitForResourceAsync(CanaryPlatformFixture.Resource, e => e.Snapshot.HealthStatus == HealthStatus.Healthy)
            .WaitAsync(TimeSpan.FromMinutes(2));
    }

    [GeneratedRegex(@"Canary run succeeded in \d+ ms \(cart (?<cart>[^)]+)\)")]
    private static partial Regex Succeeded();

    [GeneratedRegex(@"Canary run failed at (?<step>create-cart|add-item|read-cart|remove-item) with status (?<status>\S+) after \d+ ms")]
    private static partial Regex Failed();
}
