using Aspire.Hosting.ApplicationModel;

namespace IntegrationTests.Canary;

/// <summary>
/// The canary and what it walks through (the gateway and everything behind it, without the events worker), with a run
/// every 2 s and Unhealthy after 2 failed runs in a row, so a test sees runs in seconds rather than minutes.
/// </summary>
public sealed class CanaryPlatformFixture : PlatformFixture
{
    public const string Resource = "canary";

    protected override string[] Arguments => ["--Canary:Interval=00:00:02"];

    protected override bool Canary => true;

    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        builder.KeepOnly(Resource);
        builder.CreateResourceBuilder<ProjectResource>(Resource).WithEnvironment("Canary__FailuresBeforeUnhealthy", "2");
    }

    /// <summary>The canary's console lines so far.</summary>
    public Task<IReadOnlyList<string>> LinesAsync() => App.ConsoleLinesAsync(Resource);
}
