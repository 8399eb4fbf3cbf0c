using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Carts;
using IntegrationTests.Gateway;
using IntegrationTests.Payments;
using Commands = HostingIntegrations.DynamoDBFaults.DynamoDBFaultInjectorBuilderExtensions.Commands;

namespace IntegrationTests.Resilience;

/// <summary>
/// DynamoDB throttling and failing, injected between the services and DynamoDB Local: writes retry inside their
/// budget, then answer 503 with Retry-After and release the Idempotency-Key, so the client's retry applies the change
/// once. Never a 500, never half applied.
/// </summary>
[Collection(FaultInjectionCollection.Name)]
public sealed class DynamoDbThrottlingTests(FaultInjectionFixture platform)
{
    private static readonly (string, string) Transactions = ("operations", "TransactWriteItems");

    [Fact]
    public async Task A_cart_write_that_DynamoDB_keeps_throttling_answers_503_and_the_same_key_applies_it_once_later()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        var injectedBefore = platform.Faults.InjectedCalls;

        HttpResponseMessage throttled;
        await using (await platform.InjectAsync(Commands.Throttle, Transactions))
        {
            throttled = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-11", qty = 2 }, "add-once");
        }

        await throttled.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
        Assert.NotNull(throttled.Headers.RetryAfter);
        Assert.True(platform.Faults.InjectedCalls > injectedBefore, "the fault never hit a call");

        using var retried = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-11", qty = 2 }, "add-once");
        using var replayed = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-11", qty = 2 }, "add-once");
        var (_, cart) = await shopper.GetAsync($"/carts/{cartId}");

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("true", replayed.Headers.TryGetValues("Idempotent-Replayed", out var values) ? values.Single() : null);
        Assert.Equal(2, CartClient.QuantityOf(cart, "SKU-11"));
    }

    [Fact]
    public async Task Cart_writes_ride_out_a_throttled_transaction_in_every_two()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        var injectedBefore = platform.Faults.InjectedCalls;

        await using (await platform.InjectAsync(Commands.Throttle, ("percent", "50"), Transactions))
        {
            for (var i = 0; i < 6; i++)
            {
                using var added = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-12", qty = 1 }, $"add-{i}");
                Assert.True(added.StatusCode == HttpStatusCode.OK, $"add {i} answered {(int)added.StatusCode}: {await added.Content.ReadAsStringAsync()}");
            }
        }

        var (_, cart) = await shopper.GetAsync($"/carts/{cartId}");
        Assert.Equal(6, CartClient.QuantityOf(cart, "SKU-12"));
        Assert.True(platform.Faults.InjectedCalls - injectedBefore >= 3, "fewer throttled transactions than one in two");
    }

    [Fact]
    public async Task Creating_and_merging_carts_ride_out_a_throttled_transaction_in_every_two()
    {
        using var shopper = CartClient.ThroughGateway(platform, $"user-{Guid.NewGuid():N}");
        var guests = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var guestId = await shopper.CreateCartAsync();
            await shopper.AddAsync(guestId, "SKU-12", 1);
            guests.Add(guestId);
        }

        var injectedBefore = platform.Faults.InjectedCalls;
        await using (await platform.InjectAsync(Commands.Throttle, ("percent", "50"), Transactions))
        {
            for (var i = 0; i < 6; i++)
            {
                using var created = await shopper.SendAsync(HttpMethod.Post, "/carts", new { }, $"create-{i}");
                Assert.True(created.StatusCode == HttpStatusCode.Created, $"create {i} answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
            }

            foreach (var guestId in guests)
            {
                using var merged = await shopper.SendAsync(HttpMethod.Post, "/carts/merge", new { guestCartId = guestId }, $"merge-{guestId}");
                Assert.True(merged.StatusCode == HttpStatusCode.OK, $"merge of {guestId} answered {(int)merged.StatusCode}: {await merged.Content.ReadAsStringAsync()}");
            }
        }

        var (_, cart) = await shopper.GetAsync("/me/cart");
        Assert.Equal(4, CartClient.QuantityOf(cart, "SKU-12"));
        Assert.True(platform.Faults.InjectedCalls - injectedBefore >= 3, "fewer throttled transactions than one in two");
    }

    [Fact]
    public async Task Throttling_while_answers_slow_down_past_the_attempt_timeout_floor_neither_opens_the_circuit_nor_answers_503()
    {
        // Issue 15, finding 1: throttled transactions on a slowing DynamoDB made attempts outlast the fixed 5 s timeout,
        // and the circuit opened on slowness alone. Here every second transaction is throttled and the others are
        // answered 3 s late, then 6.5 s late (past the 5 s floor): the attempt timeout follows the answers, so each
        // write is applied.
        using var shopper = CartClient.ThroughGateway(platform);
        var carts = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            carts.Add(await shopper.CreateCartAsync());
        }

        var answers = new List<string>();
        foreach (var milliseconds in new[] { 3_000, 6_500 })
        {
            await using (await platform.InjectAsync(Commands.Throttle, ("percent", "50"), ("milliseconds", $"{milliseconds}"), Transactions))
            {
                var adds = await Task.WhenAll(carts.Select((cartId, i) =>
                    shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-14", qty = 1 }, $"slow-{milliseconds}-{i}")));
                foreach (var added in adds)
                {
                    answers.Add($"+{milliseconds} ms: {(int)added.StatusCode} {(added.IsSuccessStatusCode ? "" : await added.Content.ReadAsStringAsync())}");
                    added.Dispose();
                }
            }
        }

        Assert.All(answers, answer => Assert.Contains(": 200", answer, StringComparison.Ordinal));
        foreach (var cartId in carts)
        {
            Assert.Equal(2, CartClient.QuantityOf((await shopper.GetAsync($"/carts/{cartId}")).Body, "SKU-14"));
        }
    }

    [Fact]
    public async Task A_cart_write_that_DynamoDB_fails_with_500_answers_503_not_500()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();

        HttpResponseMessage failed;
        await using (await platform.InjectAsync(Commands.Fail, Transactions))
        {
            failed = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-13", qty = 1 }, "add-failing");
        }

        await failed.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
        Assert.NotNull(failed.Headers.RetryAfter);
        var (_, cart) = await shopper.GetAsync($"/carts/{cartId}");
        Assert.Equal(0, CartClient.QuantityOf(cart, "SKU-13"));
    }

    [Fact]
    public async Task A_payment_that_DynamoDB_keeps_throttling_answers_503_and_the_same_key_charges_once_later()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await alice.DepositAsync(accountId, 100);

        HttpResponseMessage throttled;
        await using (await platform.InjectAsync(Commands.Throttle, Transactions))
        {
            throttled = await alice.PayAsync(accountId, 30, "pay-once");
        }

        await throttled.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
        Assert.NotNull(throttled.Headers.RetryAfter);
        Assert.Equal(100, await alice.BalanceAsync(accountId));

        using var paid = await alice.PayAsync(accountId, 30, "pay-once");
        using var replayed = await alice.PayAsync(accountId, 30, "pay-once");

        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal((await paid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("txnId").GetString(),
            (await replayed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("txnId").GetString());
        Assert.Equal(70, await alice.BalanceAsync(accountId));
    }

    [Fact]
    public async Task A_checkout_that_DynamoDB_keeps_throttling_answers_503_and_the_same_key_checks_out_once_later()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenFundedAccountAsync(1_000_000, currency: "USD");
        using var shopper = CartClient.ThroughGateway(platform, alice.UserId);
        var cartId = await shopper.CreateCartAsync();
        await shopper.AddAsync(cartId, "SKU-12", 1);

        HttpResponseMessage throttled;
        await using (await platform.InjectAsync(Commands.Throttle, Transactions))
        {
            throttled = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId }, "checkout-once");
        }

        await throttled.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
        Assert.NotNull(throttled.Headers.RetryAfter);
        Assert.Equal("OPEN", (await shopper.GetAsync($"/carts/{cartId}")).Body.GetProperty("status").GetString());
        Assert.Equal(1_000_000, await alice.BalanceAsync(accountId));

        using var checkedOut = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId }, "checkout-once");
        using var replayed = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId }, "checkout-once");

        Assert.Equal(HttpStatusCode.OK, checkedOut.StatusCode);
        Assert.Equal("true", replayed.Headers.TryGetValues("Idempotent-Replayed", out var values) ? values.Single() : null);
        var paid = (await checkedOut.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payment").GetProperty("amount").GetInt64();
        Assert.Equal(1_000_000 - paid, await alice.BalanceAsync(accountId));
    }

    [Fact]
    public async Task A_checkout_whose_catalog_read_DynamoDB_keeps_leaving_unprocessed_answers_503_never_a_missing_product()
    {
        // Throttled in part, BatchGetItem answers 200 and leaves keys in UnprocessedKeys (the injector reads one key per
        // call). Twelve products take more calls than a reader may make: the checkout must end as throttling, not read
        // the keys it never got as products that no longer exist (a 422 the Idempotency-Key would replay for a day).
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenFundedAccountAsync(100_000_000, currency: "USD");
        using var shopper = CartClient.ThroughGateway(platform, alice.UserId);
        var cartId = await shopper.CreateCartAsync();
        for (var sku = 21; sku <= 32; sku++)
        {
            await shopper.AddAsync(cartId, $"SKU-{sku}", 1);
        }

        var injectedBefore = platform.Faults.InjectedCalls;
        HttpResponseMessage throttled;
        await using (await platform.InjectAsync(Commands.Throttle, ("operations", "BatchGetItem")))
        {
            throttled = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId }, "checkout-partial");
        }

        var problem = await throttled.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
        Assert.NotNull(throttled.Headers.RetryAfter);
        Assert.True(platform.Faults.InjectedCalls - injectedBefore >= 2, $"the fault hit {platform.Faults.InjectedCalls - injectedBefore} call(s): {problem}");
        Assert.Equal("OPEN", (await shopper.GetAsync($"/carts/{cartId}")).Body.GetProperty("status").GetString());
        Assert.Equal(100_000_000, await alice.BalanceAsync(accountId));

        using var checkedOut = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId }, "checkout-partial");
        Assert.Equal(HttpStatusCode.OK, checkedOut.StatusCode);
        var receipt = await checkedOut.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("CHECKED_OUT", receipt.GetProperty("status").GetString());
        Assert.Equal(100_000_000 - receipt.GetProperty("payment").GetProperty("amount").GetInt64(), await alice.BalanceAsync(accountId));
    }
}
