namespace IntegrationTests.Dashboard;

/// <summary>
/// The whole system with the real Aspire dashboard beside it, as a developer sees it: a platform of its own, so the
/// shared one keeps running without a dashboard, and the checkout a test looks for is the only one this dashboard saw.
/// </summary>
public sealed class DashboardPlatformFixture : PlatformFixture
{
    /// <summary>The dashboard's login URL, browser token included; opening it signs a browser in.</summary>
    public Uri DashboardLogin { get; private set; } = null!;

    /// <summary>Where the tests keep their screenshots: <c>artifacts/dashboard/</c> at the repository root (git-ignored).</summary>
    public string Screenshots { get; private set; } = null!;

    protected override bool Dashboard => true;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        DashboardLogin = await App.GetDashboardUrlAsync(timeout.Token);
    }

    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        // The AppHost finds .tools/ and .dev/ beside its own folder the same way.
        Screenshots = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "artifacts", "dashboard"));

        // Aspire.Hosting.Testing turns the dashboard's prompts off; a developer's dashboard has them, and they carry
        // the arguments of a command such as identity's "Create token" and the AppHost's notifications (the
        // development-certificate banner among them).
        builder.Configuration["ASPIRE_INTERACTIVITY_ENABLED"] = "true";
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardPlatformCollection : ICollectionFixture<DashboardPlatformFixture>
{
    public const string Name = "dashboard-platform";
}
