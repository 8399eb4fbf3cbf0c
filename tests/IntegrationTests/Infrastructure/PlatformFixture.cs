using Orchestration.ApplicationModel;

namespace IntegrationTests.Infrastructure;

/// <summary>
/// The whole system of <c>AppHost/Program.cs</c>, started once for a test collection on random ports
/// with the real DynamoDB Local and Redis.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(3);

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform has not started.");

    /// <summary>
    /// A client for the gateway, the front door every user goes through. It keeps cookies (the deviceId),
    /// and with <paramref name="userId"/> it sends a development bearer token for that user.
    /// </summary>
    public HttpClient CreateGatewayClient(string? userId = null)
    {
        var client = App.CreateHttpClient("gateway");
        if (userId is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", MintToken(userId));
        }

        return client;
    }

    /// <summary>A token signed with the AppHost's development key, as <c>dotnet run --project AppHost -- token</c> prints.</summary>
    public string MintToken(string userId, TimeSpan? lifetime = null, string audience = DevelopmentTokenIssuerResource.Audience) =>
        App.Resources.OfType<DevelopmentTokenIssuerResource>().Single()
            .MintToken(userId, DateTimeOffset.UtcNow, lifetime ?? TimeSpan.FromHours(1), audience);

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartupTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Program>(cancellationToken: timeout.Token);
        _app = builder.Build();
        await _app.StartAsync(timeout.Token);
        await Task.WhenAll(_app.Resources.Select(r => _app.ResourceNotifications.WaitForResourceHealthyAsync(r.Name, timeout.Token)));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}

/// <summary>
/// A platform of its own for tests that kill and replace processes (the events worker), so the shared one stays whole.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EventsPlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "events-platform";
}
