using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Gateway;
using IntegrationTests.Payments;
using Commands = HostingIntegrations.DynamoDBFaults.DynamoDBFaultInjectorBuilderExtensions.Commands;

namespace IntegrationTests.Resilience;

/// <summary>
/// A global secondary index that has not caught up with its table, injected between the services and DynamoDB Local
/// (which updates its indexes synchronously). A refund finds its payment through GSI1: a miss there right after the
/// payment is not the refund's outcome, so its Idempotency-Key is not spent on the 404 and the client's retry with the
/// same key makes the refund once the index has caught up.
/// </summary>
[Collection(FaultInjectionCollection.Name)]
public sealed class DynamoDbIndexLagTests(FaultInjectionFixture platform)
{
    [Fact]
    public async Task A_refund_that_misses_its_payment_in_a_lagging_index_is_made_by_the_retry_with_the_same_key()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenFundedAccountAsync(1_000);
        var txnId = await alice.PaidTxnIdAsync(accountId, 400, "merchant-lag");
        const string key = "refund-behind-the-index";
        var injectedBefore = platform.Faults.InjectedCalls;

        HttpResponseMessage missed;
        await using (await platform.InjectAsync(Commands.LagIndexes))
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
