using System.Net;
using System.Text.Json;
using IntegrationTests.Carts;
using IntegrationTests.Payments;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace IntegrationTests.Resilience;

/// <summary>
/// The DynamoDB calls each write costs, counted by operation at the fault injector every service call passes through
/// (docs/benchmarks.md, "DynamoDB round trips per request"). Health checks (ListTables, DescribeTable) are left out.
/// </summary>
[Collection(FaultInjectionCollection.Name)]
public sealed class DynamoDbRoundTripTests(FaultInjectionFixture platform, ITestOutputHelper output)
{
    private static readonly HashSet<string> DataPlane = new(StringComparer.Ordinal)
    {
        "GetItem", "Query", "Scan", "PutItem", "UpdateItem", "DeleteItem", "BatchGetItem", "BatchWriteItem", "TransactGetItems", "TransactWriteItems",
    };

    [Fact]
    public async Task Adding_an_item_to_a_cart_the_cache_holds_is_one_transaction()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        await shopper.AddAsync(cartId, "SKU-3", 1); // the product is now in this instance's lookup, the cart in Redis

        var calls = await CountAsync("add-item", () => shopper.AddAsync(cartId, "SKU-3", 1, key: Guid.NewGuid().ToString()));

        Assert.Equal(Calls(("TransactWriteItems", 1)), calls);
    }

    [Fact]
    public async Task Adding_an_item_to_a_cart_the_cache_does_not_hold_reads_it_once_and_commits_once()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        await shopper.AddAsync(cartId, "SKU-3", 1);
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString))
        {
            Assert.True(await redis.GetDatabase().KeyDeleteAsync($"cart:{cartId}"), "the cart was not cached");
        }

        var calls = await CountAsync("add-item, not cached", () => shopper.AddAsync(cartId, "SKU-3", 1, key: Guid.NewGuid().ToString()));

        Assert.Equal(Calls(("Query", 1), ("TransactWriteItems", 1)), calls);
    }

    [Fact]
    public async Task A_change_started_from_a_cached_cart_the_table_has_moved_past_is_refused_and_made_again_from_the_table()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        await shopper.AddAsync(cartId, "SKU-3", 1);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString);
        var behind = await CartEntryBehind.KeepAsync(redis.GetDatabase(), cartId);
        var moved = await shopper.AddAsync(cartId, "SKU-3", 1);

        await behind.PutBackAsync();
        JsonElement added = default;
        var calls = await CountAsync("add-item, cached cart behind", async () => added = await shopper.AddAsync(cartId, "SKU-3", 1, key: Guid.NewGuid().ToString()));

        Assert.Equal(Calls(("Query", 1), ("TransactWriteItems", 2)), calls);
        Assert.Equal(moved.GetProperty("version").GetInt64() + 1, added.GetProperty("version").GetInt64());
        Assert.Equal(3, added.GetProperty("items")[0].GetProperty("qty").GetInt32());
    }

    [Fact]
    public async Task Merging_reads_both_carts_and_both_pointers_in_three_calls_and_commits_once()
    {
        using var signedIn = CartClient.ThroughGateway(platform, $"user-{Guid.NewGuid():N}");
        var userCartId = await signedIn.CreateCartAsync();
        await signedIn.AddAsync(userCartId, "SKU-5", 2);
        using (var attached = await signedIn.SendAsync(HttpMethod.Post, "/carts/attach", new { cartId = userCartId }))
        {
            Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        }

        var guestId = await signedIn.CreateCartAsync();
        await signedIn.AddAsync(guestId, "SKU-6", 1);

        var calls = await CountAsync("merge", async () =>
        {
            using var merged = await signedIn.SendAsync(HttpMethod.Post, "/carts/merge", new { guestCartId = guestId });
            Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        });

        Assert.Equal(Calls(("Query", 2), ("BatchGetItem", 1), ("TransactWriteItems", 1)), calls);
    }

    [Fact]
    public async Task A_payment_is_one_transaction_and_nothing_else()
    {
        using var payer = PaymentsDriver.ForNewUser(platform);
        var accountId = await payer.OpenAccountAsync();
        await payer.DepositAsync(accountId, 10_000);

        var calls = await CountAsync("payment", async () =>
        {
            using var paid = await payer.PayAsync(accountId, 1_250, Guid.NewGuid().ToString("N"));
            Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        });

        Assert.Equal(Calls(("TransactWriteItems", 1)), calls);
    }

    [Fact]
    public async Task Looking_up_an_unknown_transaction_id_reads_GSI1_then_the_callers_accounts_and_each_of_them_once()
    {
        using var reader = PaymentsDriver.ForNewUser(platform);
        await reader.OpenAccountAsync();
        await reader.OpenAccountAsync();

        var calls = await CountAsync("transaction by unknown id, 2 accounts", async () =>
        {
            using var missing = await reader.Http.GetAsync($"/transactions/{Guid.NewGuid():N}");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        });

        // GSI1, then (the read-after-write search) GSI2 for the accounts and one consistent Query per account.
        Assert.Equal(Calls(("Query", 4)), calls);
    }

    [Fact]
    public async Task A_checkout_is_counted()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        using var shopper = CartClient.ThroughGateway(platform, userId);
        using var opened = await shopper.SendAsync(HttpMethod.Post, "/accounts", new { currency = "USD" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var accountId = JsonDocument.Parse(await opened.Content.ReadAsStringAsync()).RootElement.GetProperty("accountId").GetString()!;
        using (var deposit = await shopper.SendAsync(HttpMethod.Post, $"/accounts/{accountId}/deposits", new { amount = 1_000_000, currency = "USD" }, Guid.NewGuid().ToString()))
        {
            Assert.True(deposit.IsSuccessStatusCode);
        }

        var cartId = await shopper.CreateCartAsync();
        await shopper.AddAsync(cartId, "SKU-12", 2);

        // Counted, not asserted: checkout is being reshaped (catalog, slots, stock) apart from this work.
        var calls = await CountAsync("checkout (cart-api and payments-api)", async () =>
        {
            using var checkout = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId }, Guid.NewGuid().ToString());
            Assert.Equal(HttpStatusCode.OK, checkout.StatusCode);
        });

        Assert.Contains("TransactWriteItems", calls.Keys);
    }

    private async Task<SortedDictionary<string, long>> CountAsync(string name, Func<Task> request)
    {
        var before = platform.Faults.CallsByOperation;
        await request();
        var after = platform.Faults.CallsByOperation;
        var calls = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (operation, count) in after)
        {
            var made = count - before.GetValueOrDefault(operation);
            if (made > 0 && DataPlane.Contains(operation))
            {
                calls[operation] = made;
            }
        }

        output.WriteLine($"{name}: {calls.Values.Sum()} calls — {string.Join(", ", calls.Select(call => $"{call.Key} {call.Value}"))}");
        return calls;
    }

    private static SortedDictionary<string, long> Calls(params (string Operation, long Count)[] calls) =>
        new(calls.ToDictionary(call => call.Operation, call => call.Count), StringComparer.Ordinal);
}
