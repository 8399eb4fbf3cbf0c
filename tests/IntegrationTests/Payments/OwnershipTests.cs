using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationTests.Payments;

/// <summary>Another user's accounts and transactions do not exist for you: 404, with nothing changed.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OwnershipTests(PlatformFixture platform)
{
    [Fact]
    public async Task Another_users_account_and_transactions_are_not_found()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        using var mallory = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await alice.DepositAsync(accountId, 1_000);
        var paid = await alice.PayAsync(accountId, 100, Guid.NewGuid().ToString());
        var txnId = (await paid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("txnId").GetString();

        var responses = new[]
        {
            await mallory.Http.GetAsync($"/accounts/{accountId}"),
            await mallory.Http.GetAsync($"/accounts/{accountId}/transactions"),
            await mallory.Http.GetAsync($"/accounts/{accountId}/audit"),
            await mallory.Http.GetAsync($"/transactions/{txnId}"),
            await mallory.PayAsync(accountId, 100, Guid.NewGuid().ToString()),
            await mallory.SendAsync(HttpMethod.Post, $"/accounts/{accountId}/deposits", new { amount = 5, currency = "EUR" }, Guid.NewGuid().ToString()),
            await mallory.SendAsync(HttpMethod.Post, $"/accounts/{accountId}/close", null, null),
            await mallory.SendAsync(HttpMethod.Post, $"/payments/{txnId}/refunds", new { amount = 100 }, Guid.NewGuid().ToString()),
        };

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.NotFound, response.StatusCode));
        Assert.Equal(900, await alice.BalanceAsync(accountId));
    }
}
