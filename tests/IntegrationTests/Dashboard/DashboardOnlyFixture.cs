namespace IntegrationTests.Dashboard;

/// <summary>
/// The AppHost's model cut down to the signing key (no processes): just the engine and its dashboard, on random ports.
/// Enough to send telemetry to the dashboard and read it back, in well under a second.
/// </summary>
public sealed class DashboardOnlyFixture : IAsyncLifetime
{
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The dashboard has not started.");

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Program>();
        builder.KeepOnly(["identity"]);
        _app = builder.Build();
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
