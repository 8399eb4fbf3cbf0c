using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Aspire.Hosting.ApplicationModel;
using HostingIntegrations.DynamoDBFaults;
using Xunit.Abstractions;
using Commands = HostingIntegrations.DynamoDBFaults.DynamoDBFaultInjectorBuilderExtensions.Commands;

namespace IntegrationTests.Resilience;

/// <summary>
/// The catalog seed's batch writes against DynamoDB Local behind the fault injector, which answers a share of them as
/// throttled DynamoDB does: the first half of the items written, the rest returned in <c>UnprocessedItems</c>. The seed
/// resends what is left (BatchWriteRetries), so the table ends up with every item a start without the fault writes.
/// </summary>
public sealed class CatalogSeedThrottlingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Replica = "cart-api-0";
    private const int SeedProducts = 3000;

    // One batch write in five is split: enough for dozens of split batches over the seed's ~120 chunks of 25, and few enough
    // that no chunk meets the four splits in a row (and a throttled last item) that exhaust its five attempts.
    private const string ShareSplit = "20";

    private DistributedApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = await PlatformBuilder.CreateAsync(["--DynamoDBLocal:FaultInjector=true", "--CartApi:Replicas=1"]);
        builder.KeepOnly(Replica);
        builder.CreateResourceBuilder<ProjectResource>(Replica)
            .WithEnvironment("Carts__HoldSweeper__Enabled", "false")
            .WithEnvironment("Carts__SeedStock__Quantity", "0"); // stock for the hot SKUs only, as the platform tests have it
        _app = await builder.StartHealthyAsync(TimeSpan.FromMinutes(2));
    }

    public async Task DisposeAsync() => await _app.DisposeAndVerifyNothingLeftAsync();

    [Fact]
    public async Task A_seed_whose_batch_writes_DynamoDB_leaves_partly_unprocessed_still_writes_every_catalog_item()
    {
        using var dynamodb = DynamoDb();
        var unthrottled = await CatalogItemsAsync(dynamodb); // as the start without the fault wrote them
        Assert.Equal(SeedProducts, unthrottled.Keys.Count(key => key.StartsWith("PRODUCT#", StringComparison.Ordinal)));

        await dynamodb.DeleteTableAsync("carts"); // the restart provisions it again and seeds it from scratch
        await WaitUntilGoneAsync(dynamodb, "carts");
        var faults = _app.Resource<DynamoDBFaultInjectorResource>("dynamodb-faults");
        var (splitBefore, leftBefore) = (faults.PartialBatchAnswers, faults.LeftUnprocessed);
        var before = _app.ProcessId(Replica);
        await _app.ExecuteCommandAsync("dynamodb-faults", Commands.Throttle,
            new Dictionary<string, string> { ["percent"] = ShareSplit, ["operations"] = "BatchWriteItem" });
        try
        {
            await _app.ExecuteCommandAsync(Replica, KnownResourceCommands.RestartCommand);
            await WaitUntilRestartedAndSeededAsync(before);
        }
        finally
        {
            await _app.ExecuteCommandAsync("dynamodb-faults", Commands.Clear);
        }

        var (split, left) = (faults.PartialBatchAnswers - splitBefore, faults.LeftUnprocessed - leftBefore);
        var seeded = await CatalogItemsAsync(dynamodb);
        output.WriteLine($"{split} batch writes split, {left} items left unprocessed; {seeded.Count} of {unthrottled.Count} catalog items after the seed");
        var missing = unthrottled.Keys.Where(key => !seeded.ContainsKey(key)).ToList();
        var changed = unthrottled.Keys.Where(key => seeded.TryGetValue(key, out var item) && item != unthrottled[key]).ToList();
        Assert.True(split > 0 && left > 0, $"the injector split no batch write ({split} split, {left} left unprocessed): the test proves nothing");
        Assert.True(missing.Count == 0,
            $"{missing.Count} of {unthrottled.Count} catalog items missing after the seed ({split} batch writes split, {left} items left unprocessed), e.g. {string.Join(", ", missing.Take(5))}");
        Assert.True(changed.Count == 0, $"{changed.Count} catalog items differ from an unthrottled seed's, e.g. {string.Join(", ", changed.Take(5))}");
        Assert.Equal(unthrottled.Count, seeded.Count);
    }

    /// <summary>The categories, products and promotions in the table (and the seed marker), by key, each as canonical text.</summary>
    private static async Task<Dictionary<string, string>> CatalogItemsAsync(AmazonDynamoDBClient dynamodb)
    {
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        var scan = new ScanRequest { TableName = "carts", ConsistentRead = true };
        do
        {
            var page = await dynamodb.ScanAsync(scan);
            foreach (var item in page.Items.Where(item => item["SK"].S == "CATALOG" || item["PK"].S == "CATEGORIES"))
            {
                items.Add($"{item["PK"].S}|{item["SK"].S}", Canonical(item));
            }

            scan.ExclusiveStartKey = page.LastEvaluatedKey;
        }
        while (scan.ExclusiveStartKey is { Count: > 0 });

        return items;
    }

    private static string Canonical(Dictionary<string, AttributeValue> item) =>
        "{" + string.Join(",", item.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}:{Canonical(a.Value)}")) + "}";

    private static string Canonical(AttributeValue value) =>
        value.S is { } s ? $"S:{s}"
        : value.N is { } n ? $"N:{n}"
        : value.M is { Count: > 0 } m ? $"M:{Canonical(m)}"
        : value.L is { Count: > 0 } l ? $"L:[{string.Join(",", l.Select(Canonical))}]"
        : value.BOOL is { } b ? $"BOOL:{b}"
        : value.SS is { Count: > 0 } ss ? $"SS:[{string.Join(",", ss.Order(StringComparer.Ordinal))}]"
        : value.NS is { Count: > 0 } ns ? $"NS:[{string.Join(",", ns.Order(StringComparer.Ordinal))}]"
        : "NULL";

    private static async Task WaitUntilGoneAsync(AmazonDynamoDBClient dynamodb, string table)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                await dynamodb.DescribeTableAsync(table);
            }
            catch (ResourceNotFoundException)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{table} was not deleted");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private AmazonDynamoDBClient DynamoDb() => new(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = _app.HttpEndpoint("dynamodb").ToString(), AuthenticationRegion = "us-east-1" });

    /// <summary>
    /// A new process whose <c>/health</c> answers 200, which it does only once it has seeded the catalog. Three minutes:
    /// a chunk that did run out of attempts would be seeded again once its claim's one-minute lease ran out.
    /// </summary>
    private Task WaitUntilRestartedAndSeededAsync(int? before) => _app.WaitUntilRestartedAndHealthyAsync(Replica, before, within: TimeSpan.FromMinutes(3));
}
