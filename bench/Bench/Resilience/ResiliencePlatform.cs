using Aspire.Hosting.ApplicationModel;

namespace Bench.Resilience;

/// <summary>
/// The whole system as the AppHost runs it, with the DynamoDB fault injector between the services and DynamoDB Local
/// and the restart-on-crash policy on (killed processes come back by themselves), and the gateway's rate limiter off:
/// the suite is one client address sending what many users would.
/// </summary>
internal static class ResiliencePlatform
{
    public const string Injector = "dynamodb-faults";

    public static async Task<DistributedApplication> StartAsync(IReadOnlyList<string> appHostArguments, CancellationToken cancellationToken)
    {
        var builder = await PlatformBuilder.CreateAsync(args: ["--DynamoDBLocal:FaultInjector=true", .. appHostArguments], restartOnCrash: true, cancellationToken: cancellationToken);
        builder.CreateResourceBuilder<ProjectResource>("gateway").WithEnvironment("RateLimiting__Enabled", "false");
        ResourceLogFiles.KeepOffTheConsole(builder);
        var platform = await builder.StartHealthyAsync(TimeSpan.FromMinutes(4), cancellationToken);
        ResourceLogFiles.CopyToFiles(platform, "resilience");
        return platform;
    }
}
