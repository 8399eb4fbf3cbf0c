using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationTests.Payments;

/// <summary>No payment is applied twice, and no balance goes below zero, whatever the concurrency.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PaymentIdempotencyTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_same_payment_sent_twenty_times_at_once_debits_once_and_answers_identically()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await alice.DepositAsync(accountId, 10_000);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => alice.PayAsync(accountId, 250, key)));

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(created);
        foreach (var other in responses.Except(created))
        {
            Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
            Assert.Equal("IDEMPOTENCY_KEY_IN_USE", await PaymentsDriver.CodeOf(other));
        }

        var bodies = await Task.WhenAll(created.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());

        var replay = await alice.PayAsync(accountId, 250, key);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(bodies[0], await replay.Content.ReadAsStringAsync());

        Assert.Equal(9_750, await alice.BalanceAsync(accountId));
        var payments = (await PaymentsTableReader.TransactionsAsync(platform, accountId)).Where(i => i["kind"].S == "PAYMENT").ToList();
        Assert.Equal(250, PaymentsTableReader.Amount(Assert.Single(payments)));
    }

    [Fact]
    public async Task Twenty_distinct_payments_against_a_balance_that_covers_seven_capture_exactly_seven()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await alice.DepositAsync(accountId, 700);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => alice.PayAsync(accountId, 100, Guid.NewGuid().ToString())));

        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var declined in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, declined.StatusCode);
            Assert.Equal("INSUFFICIENT_FUNDS", await PaymentsDriver.CodeOf(declined));
        }

        var balance = await alice.BalanceAsync(accountId);
        Assert.Equal(0, balance);
        var payments = (await PaymentsTableReader.TransactionsAsync(platform, accountId)).Where(i => i["kind"].S == "PAYMENT").ToList();
        Assert.Equal(7, payments.Count);
        Assert.Equal(700 - balance, payments.Sum(PaymentsTableReader.Amount));
    }

    [Fact]
    public async Task A_declined_payment_replays_as_declined_even_after_a_top_up()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await alice.DepositAsync(accountId, 100);
        var key = Guid.NewGuid().ToString();

        var declined = await alice.PayAsync(accountId, 500, key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, declined.StatusCode);
        Assert.Equal("INSUFFICIENT_FUNDS", await PaymentsDriver.CodeOf(declined));

        await alice.DepositAsync(accountId, 1_000);
        var replayed = await alice.PayAsync(accountId, 500, key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, replayed.StatusCode);
        Assert.Equal("INSUFFICIENT_FUNDS", await PaymentsDriver.CodeOf(replayed));
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1_100, await alice.BalanceAsync(accountId));

        var fresh = await alice.PayAsync(accountId, 500, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, fresh.StatusCode);
        Assert.Equal(600, await alice.BalanceAsync(accountId));
    }

    [Fact]
    public async Task The_same_declined_payment_sent_ten_times_at_once_is_declined_and_audited_once()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await alice.DepositAsync(accountId, 100);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => alice.PayAsync(accountId, 500, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
        // Every answer is the one outcome; each response keeps its own diagnostics (instance, traceId, requestId).
        var outcomes = await Task.WhenAll(responses.Select(async r =>
        {
            var problem = await r.Content.ReadFromJsonAsync<JsonElement>();
            return string.Join("|", new[] { "type", "title", "status", "detail", "code" }.Select(name => problem.GetProperty(name).ToString()));
        }));
        Assert.Single(outcomes.Distinct());
        Assert.Equal("INSUFFICIENT_FUNDS", await PaymentsDriver.CodeOf(responses[0]));
        var audit = await alice.Http.GetFromJsonAsync<JsonElement>($"/accounts/{accountId}/audit");
        Assert.Single(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("eventType").GetString() == "PAYMENT_DECLINED");
        Assert.Equal(100, await alice.BalanceAsync(accountId));
    }

    [Fact]
    public async Task A_payment_without_an_idempotency_key_is_refused()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await alice.DepositAsync(accountId, 100);

        var response = await alice.PayAsync(accountId, 10, key: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("IDEMPOTENCY_KEY_MISSING", await PaymentsDriver.CodeOf(response));
        Assert.Equal(100, await alice.BalanceAsync(accountId));
    }

    [Fact]
    public async Task Reusing_a_key_for_a_different_payment_is_refused_and_changes_nothing()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await alice.DepositAsync(accountId, 1_000);
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await alice.PayAsync(accountId, 100, key)).StatusCode);

        var reused = await alice.PayAsync(accountId, 200, key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", await PaymentsDriver.CodeOf(reused));
        Assert.Equal(900, await alice.BalanceAsync(accountId));
    }

    [Fact]
    public async Task One_users_key_never_replays_another_users_payment()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        using var bob = PaymentsDriver.ForNewUser(platform);
        var aliceAccount = await alice.OpenAccountAsync();
        var bobAccount = await bob.OpenAccountAsync();
        await alice.DepositAsync(aliceAccount, 1_000);
        await bob.DepositAsync(bobAccount, 1_000);
        var key = Guid.NewGuid().ToString();

        var alicePaid = await alice.PayAsync(aliceAccount, 100, key);
        var bobPaid = await bob.PayAsync(bobAccount, 100, key);

        Assert.Equal(HttpStatusCode.Created, alicePaid.StatusCode);
        Assert.Equal(HttpStatusCode.Created, bobPaid.StatusCode);
        Assert.False(bobPaid.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(900, await bob.BalanceAsync(bobAccount));
        var bobTxn = (await bobPaid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accountId").GetString();
        Assert.Equal(bobAccount, bobTxn);
    }
}
