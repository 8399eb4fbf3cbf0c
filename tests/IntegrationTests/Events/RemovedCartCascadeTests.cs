using System.Net;
using Amazon.DynamoDBv2.Model;
using IntegrationTests.Carts;

namespace IntegrationTests.Events;

/// <summary>
/// A removed cart's header takes its lines and discounts with it (the worker's cascade), on the real platform. DynamoDB
/// Local never deletes expired items, so the test removes the header itself: the worker sees that REMOVE exactly as a
/// TTL delete, apart from its principal.
/// </summary>
[Collection(EventsPlatformCollection.Name)]
public sealed class RemovedCartCascadeTests(EventsPlatformFixture platform) : IAsyncLifetime
{
    private static readonly TimeSpan Cascade = TimeSpan.FromSeconds(30);

    private CartStorage _storage = null!;

    public async Task InitializeAsync()
    {
        _storage = await CartStorage.ConnectAsync(platform);
        await platform.StartWorkerAsync(EventsPlatformFixture.Worker); // an earlier test may have killed it
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task Removing_a_guest_cart_s_header_deletes_its_lines_and_discounts_and_leaves_other_carts_alone()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var removed = await GuestCartAsync(shopper);
        using var neighbour = CartClient.ThroughGateway(platform);
        var kept = await GuestCartAsync(neighbour);

        var before = await RowsAsync(removed);
        Assert.Contains(before, sk => sk.StartsWith("ITEM#DISC#", StringComparison.Ordinal));
        Assert.True(before.Count(sk => sk.StartsWith("ITEM#", StringComparison.Ordinal)) >= 4, string.Join(", ", before));
        var idempotencyRecords = before.Where(sk => sk.StartsWith("IDEM#", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(idempotencyRecords); // the keyed add's, with a ttl of its own
        var keptBefore = await RowsAsync(kept);

        await _storage.DynamoDb.DeleteItemAsync("carts", new() { ["PK"] = new($"CART#{removed}"), ["SK"] = new("META") });

        var left = await RowsAsync(removed);
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); !left.SequenceEqual(idempotencyRecords) && waited.Elapsed < Cascade; left = await RowsAsync(removed))
        {
            await Task.Delay(100);
        }

        Assert.Equal(idempotencyRecords, left); // lines and discounts gone; the idempotency records expire by their own ttl
        Assert.Equal(keptBefore, await RowsAsync(kept));
    }

    /// <summary>A guest cart with three lines and a discount, through the gateway.</summary>
    private static async Task<string> GuestCartAsync(CartClient shopper)
    {
        var cartId = await shopper.CreateCartAsync();
        await shopper.AddAsync(cartId, "SKU-1", 1);
        await shopper.AddAsync(cartId, "SKU-2", 1);
        var cart = await shopper.AddAsync(cartId, "SKU-3", 1, key: Guid.NewGuid().ToString("N"));
        var itemId = cart.GetProperty("items")[0].GetProperty("itemId").GetString();
        using var patched = await shopper.SendAsync(HttpMethod.Patch, $"/carts/{cartId}/items/{itemId}", new { qty = 2, promoCodes = new[] { "SAVE10" } });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        return cartId;
    }

    /// <summary>The sort keys of every row of the cart's partition, read strongly consistently.</summary>
    private async Task<List<string>> RowsAsync(string cartId)
    {
        var response = await _storage.DynamoDb.QueryAsync(new QueryRequest
        {
            TableName = "carts",
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue($"CART#{cartId}") },
        });
        return [.. response.Items.Select(item => item["SK"].S).Order(StringComparer.Ordinal)];
    }
}
