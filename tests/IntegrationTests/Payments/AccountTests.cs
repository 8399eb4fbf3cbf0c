using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationTests.Payments;

/// <summary>Accounts: opened empty for the signed-in user, versioned with ETags, closed only when empty; audited.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AccountTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_account_belongs_to_the_signed_in_user_and_carries_its_version_as_an_etag()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);

        var created = await alice.SendAsync(HttpMethod.Post, "/accounts", new { currency = "EUR", userId = "someone-else" }, key: null);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var accountId = body.GetProperty("accountId").GetString();
        var read = await alice.Http.GetAsync($"/accounts/{accountId}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(alice.UserId, body.GetProperty("userId").GetString());
        Assert.Equal(0, body.GetProperty("balance").GetInt64());
        Assert.Equal("\"1\"", created.Headers.ETag?.ToString());
        Assert.Equal("\"1\"", read.Headers.ETag?.ToString());

        await alice.DepositAsync(accountId!, 50);
        Assert.Equal("\"2\"", (await alice.Http.GetAsync($"/accounts/{accountId}")).Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Only_an_empty_account_closes_and_a_closed_account_takes_no_payments()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await alice.DepositAsync(accountId, 100);

        var notEmpty = await alice.SendAsync(HttpMethod.Post, $"/accounts/{accountId}/close", null, null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notEmpty.StatusCode); // not a race: the same request is refused again
        Assert.Equal("VALIDATION_FAILED", await PaymentsDriver.CodeOf(notEmpty));

        Assert.Equal(HttpStatusCode.Created, (await alice.PayAsync(accountId, 100, Guid.NewGuid().ToString())).StatusCode);
        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/accounts/{accountId}/close");
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await alice.Http.SendAsync(stale)).StatusCode);

        var closed = await alice.SendAsync(HttpMethod.Post, $"/accounts/{accountId}/close", null, null);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("CLOSED", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var afterClose = await alice.PayAsync(accountId, 1, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, afterClose.StatusCode);
        Assert.Equal("VALIDATION_FAILED", await PaymentsDriver.CodeOf(afterClose));
    }

    [Fact]
    public async Task The_audit_history_records_every_change_newest_first()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await alice.DepositAsync(accountId, 100);
        await alice.PayAsync(accountId, 60, Guid.NewGuid().ToString());
        await alice.PayAsync(accountId, 60, Guid.NewGuid().ToString());

        var audit = await alice.Http.GetFromJsonAsync<JsonElement>($"/accounts/{accountId}/audit");

        Assert.Equal(
            ["PAYMENT_DECLINED", "PAYMENT_CAPTURED", "DEPOSIT_RECEIVED", "ACCOUNT_OPENED"],
            audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("eventType").GetString()));
    }
}
