using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationTests.Gateway;

namespace IntegrationTests.Payments;

/// <summary>DESIGN §3 "Hostile input": refused with a problem detail — never a 5xx, never silently reinterpreted.</summary>
[Collection(PlatformCollection.Name)]
public sealed class HostileInputTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_lone_surrogate_is_a_400_with_or_without_an_idempotency_key()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();

        var keyed = await SendRawAsync(alice, "/payments", $$"""{"accountId":"{{accountId}}","amount":1,"currency":"EUR","merchantId":"m","description":"\ud800"}""", Guid.NewGuid().ToString());
        var unkeyed = await SendRawAsync(alice, "/accounts", """{"currency":"EUR","x":"\udc00"}""", key: null);

        await keyed.AssertProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_JSON");
        await unkeyed.AssertProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_JSON");
    }

    [Fact]
    public async Task Duplicate_members_that_differ_only_by_case_are_refused_and_charge_nothing()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await alice.DepositAsync(accountId, 100);

        var response = await SendRawAsync(
            alice, "/payments", $$"""{"accountId":"{{accountId}}","amount":1,"Amount":3,"currency":"EUR","merchantId":"m"}""", Guid.NewGuid().ToString());

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_JSON");
        Assert.Contains("Amount", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(100, await alice.BalanceAsync(accountId));
    }

    [Fact]
    public async Task A_trailing_newline_makes_no_currency_and_no_merchant()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await alice.DepositAsync(accountId, 100);

        var account = await alice.SendAsync(HttpMethod.Post, "/accounts", new { currency = "USD\n" }, key: null);
        var payment = await alice.SendAsync(HttpMethod.Post, "/payments", new { accountId, amount = 1, currency = "EUR", merchantId = "merch-9\n" }, Guid.NewGuid().ToString());

        Assert.Contains("\"currency\"", (await account.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "VALIDATION_FAILED")).ToString(), StringComparison.Ordinal);
        Assert.Contains("\"merchantId\"", (await payment.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "VALIDATION_FAILED")).ToString(), StringComparison.Ordinal);
        Assert.Equal(100, await alice.BalanceAsync(accountId));
    }

    [Fact]
    public async Task Control_and_invisible_characters_in_free_text_are_a_422_naming_the_field_and_store_nothing()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await alice.DepositAsync(accountId, 100);
        const string iban = "GB82WEST12345698765432";

        // As a client's JSON carries them: escaped, so the body itself is valid JSON.
        var refusals = new (HttpResponseMessage Response, string Field)[]
        {
            (await SendRawAsync(alice, "/users/me/beneficiaries", $$"""{"name":"Ann\u0007Lee","iban":"{{iban}}"}""", key: null), "name"),
            (await SendRawAsync(alice, "/users/me/beneficiaries", $$"""{"name":"Ann Lee","iban":"{{iban}}","nickname":"Mum \u202Egnp.exe"}""", key: null), "nickname"),
            (await SendRawAsync(alice, "/users/me/fraud-events", """{"type":"LOGIN_ATTEMPT","detail":"new device\r\nIP 10.0.0.1"}""", key: null), "detail"),
            (await SendRawAsync(alice, "/payments", $$"""{"accountId":"{{accountId}}","amount":1,"currency":"EUR","merchantId":"m","description":"Invoice\u0000 42"}""", Guid.NewGuid().ToString()), "description"),
            (await SendRawAsync(alice, $"/accounts/{accountId}/deposits", """{"amount":1,"currency":"EUR","description":"Top-up\u2028March"}""", Guid.NewGuid().ToString()), "description"),
        };

        foreach (var (response, field) in refusals)
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "VALIDATION_FAILED");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }

        Assert.Empty((await alice.Http.GetFromJsonAsync<JsonElement>("/users/me/beneficiaries")).GetProperty("items").EnumerateArray());
        Assert.Empty((await alice.Http.GetFromJsonAsync<JsonElement>("/users/me/fraud-events")).GetProperty("items").EnumerateArray());
        Assert.Single((await alice.Http.GetFromJsonAsync<JsonElement>($"/accounts/{accountId}/transactions")).GetProperty("items").EnumerateArray());
        Assert.Equal(100, await alice.BalanceAsync(accountId));
    }

    [Fact]
    public async Task A_currency_that_is_not_ISO_4217_makes_no_account_no_deposit_and_no_payment()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await alice.DepositAsync(accountId, 100);

        var account = await alice.SendAsync(HttpMethod.Post, "/accounts", new { currency = "XYZ" }, key: null);
        var deposit = await alice.SendAsync(HttpMethod.Post, $"/accounts/{accountId}/deposits", new { amount = 10, currency = "AAA" }, Guid.NewGuid().ToString());
        var payment = await alice.SendAsync(HttpMethod.Post, "/payments", new { accountId, amount = 1, currency = "XAU", merchantId = "m" }, Guid.NewGuid().ToString());

        foreach (var response in new[] { account, deposit, payment })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "VALIDATION_FAILED");
            Assert.True(problem.GetProperty("errors").TryGetProperty("currency", out _), problem.ToString());
        }

        Assert.Single((await alice.Http.GetFromJsonAsync<JsonElement>("/accounts")).GetProperty("items").EnumerateArray());
        Assert.Equal(100, await alice.BalanceAsync(accountId));
    }

    [Fact]
    public async Task Binding_failures_name_the_parameter_in_plain_words()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();

        var limit = await alice.Http.GetAsync("/accounts?limit=abc");
        var noBody = await alice.SendAsync(HttpMethod.Post, "/payments", body: null, Guid.NewGuid().ToString());
        var wrongType = await SendRawAsync(alice, "/payments", $$"""{"accountId":"{{accountId}}","amount":1,"currency":"EUR","merchantId":"m"}""", Guid.NewGuid().ToString(), "text/plain");

        var limitProblem = await limit.AssertProblemAsync(HttpStatusCode.BadRequest, "BAD_REQUEST");
        Assert.Equal("The parameter 'limit' must be a whole number.", limitProblem.GetProperty("detail").GetString());
        Assert.True(limitProblem.GetProperty("errors").TryGetProperty("limit", out _));
        var noBodyProblem = await noBody.AssertProblemAsync(HttpStatusCode.BadRequest, "BAD_REQUEST");
        Assert.Equal("This operation requires a JSON request body.", noBodyProblem.GetProperty("detail").GetString());
        var wrongTypeProblem = await wrongType.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        foreach (var problem in new[] { limitProblem, noBodyProblem, wrongTypeProblem })
        {
            Assert.True(problem.TryGetProperty("detail", out var detailValue), $"no detail: {problem}");
            var detail = detailValue.GetString()!;
            Assert.DoesNotContain("Nullable", detail, StringComparison.Ordinal);
            Assert.DoesNotContain("inferred", detail, StringComparison.Ordinal);
            Assert.DoesNotContain("PaymentRequest", detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_replayed_decline_is_the_original_response_byte_for_byte()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await alice.DepositAsync(accountId, 100);
        var key = Guid.NewGuid().ToString();

        var declined = await alice.PayAsync(accountId, 500, key);
        var replayed = await alice.PayAsync(accountId, 500, key);

        var original = await declined.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, declined.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, replayed.StatusCode);
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(original, await replayed.Content.ReadAsStringAsync());
        var problem = JsonDocument.Parse(original).RootElement;
        foreach (var member in new[] { "code", "instance", "traceId", "requestId" })
        {
            Assert.True(problem.TryGetProperty(member, out _), $"the decline lacks {member}: {original}");
        }
    }

    [Fact]
    public async Task A_payment_in_a_charset_the_service_cannot_read_is_a_415_and_charges_nothing()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await alice.DepositAsync(accountId, 100);

        var response = await SendRawAsync(
            alice, "/payments", $$"""{"accountId":"{{accountId}}","amount":1,"currency":"EUR","merchantId":"m"}""", Guid.NewGuid().ToString(), "application/json; charset=klingon");

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        Assert.Equal(100, await alice.BalanceAsync(accountId));
    }

    [Fact]
    public async Task A_body_sent_to_a_read_is_ignored_not_refused_with_a_problem_its_document_does_not_list()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/accounts/{accountId}") { Content = new StringContent("{", Encoding.UTF8, "application/json") };
        using var response = await alice.Http.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static Task<HttpResponseMessage> SendRawAsync(PaymentsDriver driver, string path, string json, string? key, string mediaType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return driver.Http.SendAsync(request);
    }
}
