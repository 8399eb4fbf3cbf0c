using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Aspire.Hosting.ApplicationModel;

namespace IntegrationTests.Catalog;

/// <summary>
/// Restarts against a catalog left in a given state: seeded before the seed marker existed (marked done, never
/// rewritten), or claimed by a seeder that died half-way (left alone while its lease lives, then taken over).
/// </summary>
public sealed class CatalogSeedUpgradeTests : IAsyncLifetime
{
    private const string Replica = "cart-api-0";
    private DistributedApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = await PlatformBuilder.CreateAsync(["--CartApi:Replicas=1"]);
        _app = await builder.KeepOnly(Replica).StartHealthyAsync(TimeSpan.FromMinutes(2));
    }

    public async Task DisposeAsync() => await _app.DisposeAndVerifyNothingLeftAsync();

    [Fact]
    public async Task A_restart_against_a_catalog_without_the_marker_keeps_every_product_as_it_is()
    {
        using var dynamodb = DynamoDb();
        var marker = SeedMarker;
        var product = new Dictionary<string, AttributeValue> { ["PK"] = new("PRODUCT#SKU-2990"), ["SK"] = new("CATALOG") };
        await dynamodb.DeleteItemAsync(new DeleteItemRequest { TableName = "carts", Key = marker }); // as an older start left it
        await dynamodb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "carts",
            Key = product,
            UpdateExpression = "SET #probe = :probe", // a change since; rewriting the product from the seed drops it
            ExpressionAttributeNames = new() { ["#probe"] = "upgradeProbe" },
            ExpressionAttributeValues = new() { [":probe"] = new("kept") },
        });

        var before = _app.ProcessId(Replica);
        await _app.ExecuteCommandAsync(Replica, KnownResourceCommands.RestartCommand);
        await WaitUntilRestartedAndSeededAsync(before);

        var after = (await dynamodb.GetItemAsync(new GetItemRequest { TableName = "carts", Key = product, ConsistentRead = true })).Item;
        var markerAfter = (await dynamodb.GetItemAsync(new GetItemRequest { TableName = "carts", Key = marker, ConsistentRead = true })).Item;
        Assert.Equal("kept", after.GetValueOrDefault("upgradeProbe")?.S);
        Assert.Equal("DONE", markerAfter.GetValueOrDefault("seedStatus")?.S);
    }

    [Fact]
    public async Task A_claim_left_by_a_seeder_that_died_is_left_alone_while_its_lease_lives_then_taken_over()
    {
        using var dynamodb = DynamoDb();
        var leaseUntil = DateTimeOffset.UtcNow.AddSeconds(15);
        var product = new Dictionary<string, AttributeValue> { ["PK"] = new("PRODUCT#SKU-2990"), ["SK"] = new("CATALOG") };
        await dynamodb.DeleteItemAsync(new DeleteItemRequest { TableName = "carts", Key = product }); // not written yet when it died
        await dynamodb.PutItemAsync(new PutItemRequest
        {
            TableName = "carts",
            Item = new() { ["PK"] = new("SEED#catalog"), ["SK"] = new("CATALOG"), ["seedStatus"] = new("IN_PROGRESS"), ["leaseUntil"] = new() { N = leaseUntil.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) } },
        });

        var before = _app.ProcessId(Replica);
        await _app.ExecuteCommandAsync(Replica, KnownResourceCommands.RestartCommand);
        await WaitUntilRestartedAndSeededAsync(before);

        // Healthy means the seed is checked: that must not have happened before the dead seeder's lease ran out.
        Assert.True(DateTimeOffset.UtcNow >= leaseUntil, $"{Replica} took over a live claim (lease until {leaseUntil:HH:mm:ss}, healthy at {DateTimeOffset.UtcNow:HH:mm:ss.fff})");
        var markerAfter = (await dynamodb.GetItemAsync(new GetItemRequest { TableName = "carts", Key = SeedMarker, ConsistentRead = true })).Item;
        var productAfter = (await dynamodb.GetItemAsync(new GetItemRequest { TableName = "carts", Key = product, ConsistentRead = true })).Item;
        Assert.Equal("DONE", markerAfter.GetValueOrDefault("seedStatus")?.S);
        Assert.Equal("SKU-2990", productAfter.GetValueOrDefault("sku")?.S); // the catalog was written to the end
    }

    private static Dictionary<string, AttributeValue> SeedMarker => new() { ["PK"] = new("SEED#catalog"), ["SK"] = new("CATALOG") };

    private AmazonDynamoDBClient DynamoDb() => new(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = _app.HttpEndpoint("dynamodb").ToString(), AuthenticationRegion = "us-east-1" });

    /// <summary>A new process whose <c>/health</c> answers 200, which it does only once it has checked the catalog seed.</summary>
    private Task WaitUntilRestartedAndSeededAsync(int? before) => _app.WaitUntilRestartedAndHealthyAsync(Replica, before, within: TimeSpan.FromMinutes(1));
}
