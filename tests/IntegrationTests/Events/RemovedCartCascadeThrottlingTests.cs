using Amazon.DynamoDBv2.Model;
using IntegrationTests.Carts;
using Commands = HostingIntegrations.DynamoDBFaults.DynamoDBFaultInjectorBuilderExtensions.Commands;

namespace IntegrationTests.Events;

/// <summary>
/// The removed-cart cascade is part of its stream batch: while DynamoDB throttles its deletes the batch is not
/// checkpointed but delivered again, so what the throttling left is deleted once DynamoDB takes writes again. On the
/// whole platform with the fault injector (the only platform with both the worker and the injector); only the worker
/// sends <c>BatchWriteItem</c> once the catalog is seeded.
/// </summary>
[Collection(CacheRaceCollection.Name)]
public sealed class RemovedCartCascadeThrottlingTests(CacheRacePlatformFixture platform) : IAsyncLifetime
{
    private static readonly TimeSpan Cascade = TimeSpan.FromSeconds(30);

    private CartStorage _storage = null!;

    public async Task InitializeAsync() => _storage = await CartStorage.ConnectAsync(platform);

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task Lines_a_throttled_cascade_could_not_delete_are_deleted_once_dynamodb_takes_writes_again()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        foreach (var sku in new[] { "SKU-1", "SKU-2", "SKU-3", "SKU-4" })
        {
            await shopper.AddAsync(cartId, sku, 1);
        }

        Assert.Equal(4, (await LinesAsync(cartId)).Count);
        var injectedBefore = platform.Faults.InjectedCalls;
        await using (await platform.InjectAsync(Commands.Throttle, ("operations", "BatchWriteItem")))
        {
            await _storage.DynamoDb.DeleteItemAsync("carts", new() { ["PK"] = new($"CART#{cartId}"), ["SK"] = new("META") });

            // Throttled, a batch of four deletes writes two and leaves two, then one of those; a batch of one is refused
            // whole. One line is left, and every delivery of the batch again is refused too.
            var throttledLeft = await WaitForAsync(cartId, lines => lines.Count == 1);
            Assert.Single(throttledLeft);
            await Task.Delay(TimeSpan.FromSeconds(10)); // longer than one call's own retries: deliveries again, each refused
            Assert.Single(await LinesAsync(cartId));
            Assert.True(platform.Faults.InjectedCalls - injectedBefore >= 3, $"the fault hit {platform.Faults.InjectedCalls - injectedBefore} call(s)");
        }

        Assert.Empty(await WaitForAsync(cartId, lines => lines.Count == 0));
    }

    private async Task<List<string>> WaitForAsync(string cartId, Func<List<string>, bool> condition)
    {
        var lines = await LinesAsync(cartId);
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); !condition(lines) && waited.Elapsed < Cascade; lines = await LinesAsync(cartId))
        {
            await Task.Delay(100);
        }

        return lines;
    }

    /// <summary>The sort keys of the cart's lines and discounts, read strongly consistently.</summary>
    private async Task<List<string>> LinesAsync(string cartId)
    {
        var response = await _storage.DynamoDb.QueryAsync(new QueryRequest
        {
            TableName = "carts",
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk AND begins_with(SK, :item)",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue($"CART#{cartId}"), [":item"] = new AttributeValue("ITEM#") },
        });
        return [.. response.Items.Select(item => item["SK"].S)];
    }
}
