using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Gateway;
using IntegrationTests.Payments;
using Commands = HostingIntegrations.DynamoDBFaults.DynamoDBFaultInjectorBuilderExtensions.Commands;

namespace IntegrationTests.Resilience;

/// <summary>
/// A global secondary index that has not caught up with its table, injected between the services and DynamoDB Local
/// (which updates its indexes synchronously). A transaction is found by id through GSI1; on a miss there, Payments.Api
/// searches the caller's accounts (GSI2) strongly consistently for a transaction made in the last moments, so with
/// GSI1 behind, a payment is found at once by GET and by its refund. With every index behind the search has no
/// account to read: the refund's miss is not its outcome, so its Idempotency-Key is not spent on the 404 and the
/// client's retry with the same key makes the refund once the indexes have caught up.
/// </summary>
[Collection(FaultInjectionCollection.Name)]
public sealed class DynamoDbIndexLagTests(FaultInjectionFixture platform)
{
    private static readonly (string Name, string Value) OnlyGsi1 = ("index", "GSI1");

    [Fact]
    public async Task A_payment_is_found_by_id_at_once_while_GSI1_lags()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenFundedAccountAsync(1_000);
        var injectedBefore = platform.Faults.InjectedCalls;

        HttpResponseMessage found;
        string txnId;
        await using (await platform.InjectAsync(Commands.LagIndexes, OnlyGsi1))
        {
            txnId = await alice.PaidTxnIdAsync(accountId, 400, "merchant-lag");
            found = await alice.Http.GetAsync($"/transactions/{txnId}");
        }

        using (found)
        {
            Assert.True(found.StatusCode == HttpStatusCode.OK, $"GET answered {(int)found.StatusCode}: {await found.Content.ReadAsStringAsync()}");
            var txn = await found.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(txnId, txn.GetProperty("txnId").GetString());
            Assert.Equal(accountId, txn.GetProperty("accountId").GetString());
            Assert.Equal(400, txn.GetProperty("amount").GetInt64());
        }

        Assert.True(platform.Faults.InjectedCalls > injectedBefore, "GSI1 never lagged");
    }

    [Fact]
    public async Task A_refund_made_right_after_its_payment_succeeds_at_the_first_attempt_while_GSI1_lags()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenFundedAccountAsync(1_000);
        var injectedBefore = platform.Faults.InjectedCalls;

        HttpResponseMessage refunded;
        await using (await platform.InjectAsync(Commands.LagIndexes, OnlyGsi1))
        {
            var txnId = await alice.PaidTxnIdAsync(accountId, 400, "merchant-lag");
            refunded = await alice.SendAsync(HttpMethod.Post, $"/payments/{txnId}/refunds", new { amount = 150 }, "refund-at-once");
        }

        using (refunded)
        {
            Assert.True(refunded.StatusCode == HttpStatusCode.Created, $"the refund answered {(int)refunded.StatusCode}: {await refunded.Content.ReadAsStringAsync()}");
            Assert.Null(ReplayedOf(refunded));
            Assert.Equal(150, (await refunded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("amount").GetInt64());
        }

        Assert.True(platform.Faults.InjectedCalls > injectedBefore, "GSI1 never lagged");
        Assert.Equal(750, await alice.BalanceAsync(accountId));
    }

    [Fact]
    public async Task Another_users_transaction_is_not_found_while_GSI1_lags_and_its_refund_is_a_404_the_retry_looks_up_again()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        using var mallory = PaymentsDriver.ForNewUser(platform);
        var alicesAccount = await alice.OpenFundedAccountAsync(1_000);
        await mallory.OpenFundedAccountAsync(1_000);
        const string key = "refund-of-someone-elses";

        HttpResponseMessage read, refund, again;
        await using (await platform.InjectAsync(Commands.LagIndexes, OnlyGsi1))
        {
            var txnId = await alice.PaidTxnIdAsync(alicesAccount, 400, "merchant-lag");
            read = await mallory.Http.GetAsync($"/transactions/{txnId}");
            refund = await mallory.SendAsync(HttpMethod.Post, $"/payments/{txnId}/refunds", new { amount = 150 }, key);
            again = await mallory.SendAsync(HttpMethod.Post, $"/payments/{txnId}/refunds", new { amount = 150 }, key);
        }

        using (read)
        using (refund)
        using (again)
        {
            await read.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
            await refund.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
            Assert.Null(ReplayedOf(refund));

            // GSI1 may be behind further than the search reads, so the miss is not stored under the key: the retry looks
            // again, and finds nothing of someone else's either.
            await again.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
            Assert.Null(ReplayedOf(again));
        }

        Assert.Equal(600, await alice.BalanceAsync(alicesAccount));
    }

    [Fact]
    public async Task A_refund_that_misses_its_payment_while_every_index_lags_is_made_by_the_retry_with_the_same_key()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenFundedAccountAsync(1_000);
        var txnId = await alice.PaidTxnIdAsync(accountId, 400, "merchant-lag");
        const string key = "refund-behind-the-index";
        var injectedBefore = platform.Faults.InjectedCalls;

        HttpResponseMessage missed;
        await using (await platform.InjectAsync(Commands.LagIndexes)) // GSI1 and GSI2 alike: the search has no account to read
        {
            missed = await alice.SendAsync(HttpMethod.Post, $"/payments/{txnId}/refunds", new { amount = 150 }, key);
        }

        await missed.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.True(platform.Faults.InjectedCalls > injectedBefore, "the lagging index never answered a query");
        Assert.Equal(600, await alice.BalanceAsync(accountId));

        using var refunded = await alice.SendAsync(HttpMethod.Post, $"/payments/{txnId}/refunds", new { amount = 150 }, key);
        using var replayed = await alice.SendAsync(HttpMethod.Post, $"/payments/{txnId}/refunds", new { amount = 150 }, key);

        Assert.True(refunded.StatusCode == HttpStatusCode.Created,
            $"the retry answered {(int)refunded.StatusCode} (replayed: {ReplayedOf(refunded)}): {await refunded.Content.ReadAsStringAsync()}");
        Assert.Null(ReplayedOf(refunded));
        var refund = await refunded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(150, refund.GetProperty("amount").GetInt64());
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal("true", ReplayedOf(replayed));
        Assert.Equal(refund.GetProperty("txnId").GetString(), (await replayed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("txnId").GetString());

        Assert.Equal(750, await alice.BalanceAsync(accountId));
        var refunds = (await PaymentsTableReader.TransactionsAsync(platform, accountId)).Where(i => i["kind"].S == "REFUND").ToList();
        Assert.Equal(150, PaymentsTableReader.Amount(Assert.Single(refunds)));
    }

    private static string? ReplayedOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Idempotent-Replayed", out var values) ? values.Single() : null;
}
