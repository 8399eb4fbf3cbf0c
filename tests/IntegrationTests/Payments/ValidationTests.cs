using System.Net;
using System.Text;

namespace IntegrationTests.Payments;

/// <summary>Bad input is a 400 (malformed) or a 422 (invalid values, with field errors) — never a 500.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ValidationTests(PlatformFixture platform)
{
    [Fact]
    public async Task Bad_payment_inputs_are_answered_400_or_422_never_500()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        var cases = new (string Body, HttpStatusCode Expected, string? Field)[]
        {
            ("{", HttpStatusCode.BadRequest, null),
            ("not json", HttpStatusCode.BadRequest, null),
            ($$"""{"accountId":"{{accountId}}","amount":1.5,"currency":"EUR","merchantId":"m"}""", HttpStatusCode.BadRequest, null),
            ($$"""{"accountId":"{{accountId}}","amount":"ten","currency":"EUR","merchantId":"m"}""", HttpStatusCode.BadRequest, null),
            ($$"""{"accountId":"{{accountId}}","amount":-5,"currency":"EUR","merchantId":"m"}""", HttpStatusCode.UnprocessableEntity, "amount"),
            ($$"""{"accountId":"{{accountId}}","amount":0,"currency":"EUR","merchantId":"m"}""", HttpStatusCode.UnprocessableEntity, "amount"),
            ($$"""{"accountId":"{{accountId}}","amount":99999999999999999,"currency":"EUR","merchantId":"m"}""", HttpStatusCode.UnprocessableEntity, "amount"),
            ($$"""{"accountId":"{{accountId}}","amount":10,"currency":"eur","merchantId":"m"}""", HttpStatusCode.UnprocessableEntity, "currency"),
            ($$"""{"accountId":"{{accountId}}","amount":10,"currency":"EUR","merchantId":"a#b"}""", HttpStatusCode.UnprocessableEntity, "merchantId"),
            ("""{"amount":10,"currency":"EUR","merchantId":"m"}""", HttpStatusCode.UnprocessableEntity, "accountId"),
            ("{}", HttpStatusCode.UnprocessableEntity, "amount"),
        };

        foreach (var (body, expected, field) in cases)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/payments") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            var response = await alice.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(expected == response.StatusCode, $"{body} -> {(int)response.StatusCode} {text}");
            Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
            if (field is not null)
            {
                Assert.Contains($"\"{field}\"", text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("/accounts?limit=0", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/accounts?limit=abc", HttpStatusCode.BadRequest)]
    [InlineData("/accounts?cursor=garbage!", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/accounts/{account}/transactions?from=2026-13-01", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/accounts/{account}/transactions?from=2026-02-01&to=2026-01-01", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/accounts/{account}/transactions?cursor=eyJQSyI6IkFDQ09VTlQjeCJ9", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/accounts/{account}/audit?limit=1000", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/users/me/fraud-events?from=yesterday", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/merchants/a%23b/transactions", HttpStatusCode.NotFound)]
    [InlineData("/transactions/nope", HttpStatusCode.NotFound)]
    public async Task Bad_query_parameters_are_answered_with_a_problem_never_500(string path, HttpStatusCode expected)
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();

        var response = await alice.Http.GetAsync(path.Replace("{account}", accountId, StringComparison.Ordinal));

        Assert.Equal(expected, response.StatusCode);
        Assert.NotNull(await PaymentsDriver.CodeOf(response));
    }

    [Fact]
    public async Task Bad_deposits_and_accounts_are_field_errors()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();

        var badCurrency = await alice.SendAsync(HttpMethod.Post, "/accounts", new { currency = "euro" }, key: null);
        var wrongCurrency = await alice.SendAsync(HttpMethod.Post, $"/accounts/{accountId}/deposits", new { amount = 10, currency = "USD" }, Guid.NewGuid().ToString());
        var noKey = await alice.SendAsync(HttpMethod.Post, $"/accounts/{accountId}/deposits", new { amount = 10, currency = "EUR" }, key: null);
        var badKey = await alice.SendAsync(HttpMethod.Post, $"/accounts/{accountId}/deposits", new { amount = 10, currency = "EUR" }, new string('k', 300));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, badCurrency.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongCurrency.StatusCode);
        Assert.Equal("IDEMPOTENCY_KEY_MISSING", await PaymentsDriver.CodeOf(noKey));
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Equal(0, await alice.BalanceAsync(accountId));
    }

    [Fact]
    public async Task Every_endpoint_requires_a_signed_in_user()
    {
        using var anonymous = platform.CreateGatewayClient();

        foreach (var path in new[] { "/accounts", "/transactions/x", "/merchants/m/transactions", "/users/me/beneficiaries", "/users/me/fraud-events" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        }
    }
}
