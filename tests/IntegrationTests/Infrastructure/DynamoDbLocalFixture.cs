using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace IntegrationTests.Infrastructure;

/// <summary>Only the <c>dynamodb</c> resource of the app model, for tests of storage code on the real DynamoDB Local.</summary>
public sealed class DynamoDbLocalFixture : IAsyncLifetime
{
    private DistributedApplication? _app;

    public AmazonDynamoDBClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await PlatformBuilder.CreateAsync();
        _app = await builder.KeepOnly("dynamodb").StartHealthyAsync(TimeSpan.FromMinutes(2));
        Client = ClientOf(_app);
    }

    /// <summary>A client of the <c>dynamodb</c> resource of <paramref name="app"/>, with DynamoDB Local's dummy credentials.</summary>
    public static AmazonDynamoDBClient ClientOf(DistributedApplication app) => new(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = app.HttpEndpoint("dynamodb").ToString(), AuthenticationRegion = "us-east-1" });

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAndVerifyNothingLeftAsync();
        }
    }
}
