using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HostingIntegrations.DevelopmentTokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IntegrationTests.Payments;

/// <summary>The GSI read paths: transaction by id (GSI1), accounts by user (GSI2), the merchant view (GSI3).</summary>
[Collection(PlatformCollection.Name)]
public sealed class LookupTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_transaction_is_found_by_its_id()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await alice.DepositAsync(accountId, 1_000);
        var paid = await alice.PayAsync(accountId, 321, Guid.NewGuid().ToString(), merchantId: "coffee-shop");
        var txnId = (await paid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("txnId").GetString();

        var txn = await alice.Http.GetFromJsonAsync<JsonElement>($"/transactions/{txnId}");

        Assert.Equal(txnId, txn.GetProperty("txnId").GetString());
        Assert.Equal(accountId, txn.GetProperty("accountId").GetString());
        Assert.Equal(321, txn.GetProperty("amount").GetInt64());
        Assert.Equal("DEBIT", txn.GetProperty("direction").GetString());
        Assert.Equal("coffee-shop", txn.GetProperty("merchantId").GetString());
        Assert.Equal(paid.Headers.Location!.OriginalString, $"/transactions/{txnId}");
    }

    [Fact]
    public async Task A_user_lists_exactly_their_own_accounts_a_page_at_a_time()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        using var bob = PaymentsDriver.ForNewUser(platform);
        string[] mine = [await alice.OpenAccountAsync(), await alice.OpenAccountAsync("USD"), await alice.OpenAccountAsync("GBP")];
        await bob.OpenAccountAsync();

        var listed = (await AllPagesAsync(alice.Http, "/accounts?limit=2")).SelectMany(page => Values(page, "accountId")).ToList();

        Assert.Equal(mine.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_merchant_sees_every_payment_made_to_it_in_time_order_and_a_customer_only_their_own()
    {
        var merchantId = $"shop-{Guid.NewGuid():N}";
        using var alice = PaymentsDriver.ForNewUser(platform);
        using var bob = PaymentsDriver.ForNewUser(platform);
        var aliceAccount = await alice.OpenFundedAccountAsync(1_000);
        var bobAccount = await bob.OpenFundedAccountAsync(1_000);
        var expected = new List<string>();
        foreach (var (driver, account) in new[] { (alice, aliceAccount), (bob, bobAccount), (alice, aliceAccount) })
        {
            expected.Add(await driver.PaidTxnIdAsync(account, 10, merchantId));
        }

        using var merchant = platform.CreateGatewayClient();
        merchant.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MerchantToken($"owner-of-{merchantId}", merchantId));
        var seen = (await AllPagesAsync(merchant, $"/merchants/{merchantId}/transactions?limit=1")).SelectMany(page => Values(page, "txnId")).ToList();

        Assert.Equal(expected, seen);
        var bobsView = await bob.Http.GetFromJsonAsync<JsonElement>($"/merchants/{merchantId}/transactions");
        Assert.Equal([expected[1]], Values(bobsView, "txnId"));
    }

    [Fact]
    public async Task A_customer_pages_through_their_own_payments_to_a_merchant_and_no_cursor_names_another_customers()
    {
        // The merchant's index holds every customer's rows; a page filtered to the caller used to end on whichever row
        // DynamoDB read last, and its cursor (base64 JSON) named that customer's account and transaction.
        var merchantId = $"shop-{Guid.NewGuid():N}";
        using var alice = PaymentsDriver.ForNewUser(platform);
        using var bob = PaymentsDriver.ForNewUser(platform);
        var aliceAccount = await alice.OpenFundedAccountAsync(1_000);
        var bobAccount = await bob.OpenFundedAccountAsync(1_000);
        var alices = new List<string>();
        var bobs = new List<string>();
        foreach (var (driver, account, paid) in new[] { (alice, aliceAccount, alices), (bob, bobAccount, bobs), (bob, bobAccount, bobs), (alice, aliceAccount, alices), (bob, bobAccount, bobs), (alice, aliceAccount, alices) })
        {
            paid.Add(await driver.PaidTxnIdAsync(account, 10, merchantId));
        }

        var pages = await AllPagesAsync(alice.Http, $"/merchants/{merchantId}/transactions?limit=1");
        var seen = pages.SelectMany(page => Values(page, "txnId")).ToList();
        var cursors = pages
            .Select(page => page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null)
            .OfType<string>()
            .Select(cursor => System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(cursor)))
            .ToList();

        Assert.Equal(alices, seen);
        Assert.All(cursors, decoded =>
        {
            Assert.DoesNotContain(bobAccount, decoded, StringComparison.Ordinal);
            Assert.All(bobs, txnId => Assert.DoesNotContain(txnId, decoded, StringComparison.Ordinal));
        });
        using var forged = await alice.Http.GetAsync($"/merchants/{merchantId}/transactions?cursor=eyJQSyI6IkFDQ09VTlQjeCJ9");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
    }

    /// <summary>Every page of a listing, following <c>nextCursor</c> (at most 20 pages, so a cursor that never ends fails the test instead of hanging it).</summary>
    private static async Task<List<JsonElement>> AllPagesAsync(HttpClient http, string path)
    {
        var pages = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await http.GetFromJsonAsync<JsonElement>(path + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            pages.Add(page);
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null && pages.Count < 20);

        return pages;
    }

    private static IEnumerable<string> Values(JsonElement page, string property) =>
        page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty(property).GetString()!);

    // A token of the development issuer with the merchant claim, as a merchant portal's identity provider would issue.
    private string MerchantToken(string userId, string merchantId)
    {
        var issuer = platform.App.TokenIssuer();
        var key = Convert.FromBase64String(File.ReadAllText(issuer.KeyFile).Trim());
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DevelopmentTokenIssuerResource.Issuer,
            Audience = DevelopmentTokenIssuerResource.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            Claims = new Dictionary<string, object> { ["sub"] = userId, ["merchant_id"] = merchantId },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
    }
}
