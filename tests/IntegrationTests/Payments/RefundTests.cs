using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationTests.Payments;

/// <summary>Refunds give money back, never more than was captured, whatever the concurrency.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RefundTests(PlatformFixture platform)
{
    [Fact]
    public async Task Concurrent_refunds_never_exceed_the_captured_amount()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await alice.DepositAsync(accountId, 1_000);
        var paid = await alice.PayAsync(accountId, 1_000, Guid.NewGuid().ToString());
        var txnId = (await paid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("txnId").GetString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            alice.SendAsync(HttpMethod.Post, $"/payments/{txnId}/refunds", new { amount = 300 }, Guid.NewGuid().ToString())));

        var refunded = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(3, refunded);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));

        var payment = await alice.Http.GetFromJsonAsync<JsonElement>($"/transactions/{txnId}");
        Assert.Equal(900, payment.GetProperty("refundedAmount").GetInt64());
        Assert.Equal("PARTIALLY_REFUNDED", payment.GetProperty("status").GetString());
        Assert.Equal(900, await alice.BalanceAsync(accountId));
        var refunds = (await PaymentsTableReader.TransactionsAsync(platform, accountId)).Where(i => i["kind"].S == "REFUND").ToList();
        Assert.Equal(900, refunds.Sum(PaymentsTableReader.Amount));
    }

    [Fact]
    public async Task A_refund_without_an_amount_returns_what_is_left_and_is_idempotent()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await alice.DepositAsync(accountId, 500);
        var paid = await alice.PayAsync(accountId, 400, Guid.NewGuid().ToString());
        var txnId = (await paid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("txnId").GetString();
        Assert.Equal(HttpStatusCode.Created, (await alice.SendAsync(HttpMethod.Post, $"/payments/{txnId}/refunds", new { amount = 150 }, Guid.NewGuid().ToString())).StatusCode);
        var key = Guid.NewGuid().ToString();

        var rest = await alice.SendAsync(HttpMethod.Post, $"/payments/{txnId}/refunds", new { }, key);
        var again = await alice.SendAsync(HttpMethod.Post, $"/payments/{txnId}/refunds", new { }, key);

        Assert.Equal(HttpStatusCode.Created, rest.StatusCode);
        Assert.Equal(250, (await rest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("amount").GetInt64());
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(500, await alice.BalanceAsync(accountId));
        var payment = await alice.Http.GetFromJsonAsync<JsonElement>($"/transactions/{txnId}");
        Assert.Equal("REFUNDED", payment.GetProperty("status").GetString());

        var more = await alice.SendAsync(HttpMethod.Post, $"/payments/{txnId}/refunds", new { amount = 1 }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, more.StatusCode);
    }
}
