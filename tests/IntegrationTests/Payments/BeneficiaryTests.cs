using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationTests.Payments;

/// <summary>Beneficiaries: create, list, read, replace (If-Match), delete — each user sees only their own.</summary>
[Collection(PlatformCollection.Name)]
public sealed class BeneficiaryTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_beneficiary_can_be_created_listed_replaced_and_deleted_by_its_owner_only()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        using var mallory = PaymentsDriver.ForNewUser(platform);

        var created = await alice.Http.PostAsJsonAsync("/users/me/beneficiaries", new { name = "Landlord", iban = "GB82 WEST 1234 5698 7654 32" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("beneficiaryId").GetString();

        var listed = await alice.Http.GetFromJsonAsync<JsonElement>("/users/me/beneficiaries");
        Assert.Equal("GB82WEST12345698765432", Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("iban").GetString());
        Assert.Empty((await mallory.Http.GetFromJsonAsync<JsonElement>("/users/me/beneficiaries")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await mallory.Http.GetAsync($"/users/me/beneficiaries/{id}")).StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/users/me/beneficiaries/{id}") { Content = JsonContent.Create(new { name = "Landlord Ltd", iban = "DE89370400440532013000" }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"7\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await alice.Http.SendAsync(stale)).StatusCode);

        using var replace = new HttpRequestMessage(HttpMethod.Put, $"/users/me/beneficiaries/{id}") { Content = JsonContent.Create(new { name = "Landlord Ltd", iban = "DE89370400440532013000" }) };
        replace.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var replaced = await alice.Http.SendAsync(replace);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("\"2\"", replaced.Headers.ETag?.ToString());

        Assert.Equal(HttpStatusCode.NotFound, (await mallory.Http.DeleteAsync($"/users/me/beneficiaries/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.Http.DeleteAsync($"/users/me/beneficiaries/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.Http.GetAsync($"/users/me/beneficiaries/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("PUT", HttpStatusCode.OK)]
    [InlineData("DELETE", HttpStatusCode.NoContent)]
    public async Task A_stale_if_match_does_not_spend_the_key_so_its_retry_with_a_fresh_one_succeeds(string method, HttpStatusCode succeeded)
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        using var created = await alice.Http.PostAsJsonAsync("/users/me/beneficiaries", new { name = "Landlord", iban = "GB82 WEST 1234 5698 7654 32" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("beneficiaryId").GetString();
        var key = Guid.NewGuid().ToString("N");
        HttpRequestMessage Change(string etag)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), $"/users/me/beneficiaries/{id}");
            if (method == "PUT")
            {
                request.Content = JsonContent.Create(new { name = "Landlord Ltd", iban = "DE89370400440532013000" });
            }

            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        using (var stale = Change("\"7\""))
        using (var refused = await alice.Http.SendAsync(stale))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        }

        // The client re-reads (version 1) and retries with the same key: a 412 changed nothing, so it is not replayed.
        using var fresh = Change("\"1\"");
        using var retried = await alice.Http.SendAsync(fresh);
        Assert.Equal(succeeded, retried.StatusCode);
        Assert.False(retried.Headers.Contains("Idempotent-Replayed"));

        // That success is the key's outcome now.
        using var again = Change("\"1\"");
        using var replayed = await alice.Http.SendAsync(again);
        Assert.Equal(succeeded, replayed.StatusCode);
        Assert.Equal("true", Assert.Single(replayed.Headers.GetValues("Idempotent-Replayed")));
    }

    [Fact]
    public async Task Paging_through_the_list_returns_every_beneficiary_once_in_the_order_of_the_whole_list()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        for (var i = 0; i < 5; i++)
        {
            using var created = await alice.Http.PostAsJsonAsync("/users/me/beneficiaries", new { name = $"Payee {i}", iban = "GB82 WEST 1234 5698 7654 32" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await alice.Http.PostAsJsonAsync("/users/me/fraud-events", new { type = "LOGIN_ATTEMPT" }); // beside them in the user's partition, never listed
        var whole = await alice.Http.GetFromJsonAsync<JsonElement>("/users/me/beneficiaries");
        var all = IdsOf(whole);

        var paged = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await alice.Http.GetFromJsonAsync<JsonElement>("/users/me/beneficiaries?limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            Assert.True(page.GetProperty("items").GetArrayLength() <= 2);
            paged.AddRange(IdsOf(page));
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null && ++pages < 10);

        Assert.Equal(5, all.Count);
        Assert.True(!whole.TryGetProperty("nextCursor", out var none) || none.ValueKind == JsonValueKind.Null);
        Assert.True(pages >= 2, $"{pages + 1} page(s) of at most 2 for 5 beneficiaries");
        Assert.Equal(all, paged);
    }

    public static TheoryData<string> ForeignCursors => new()
    {
        "another user's", // a real cursor of mallory's list
        "an account statement's",
        "USER#{alice}|FRAUD#2026-01-01T00:00:00.000Z#e1", // alice's own partition, a fraud event's sort key
        "USER#{alice}|BENEFICIARY#", // the bare prefix, before every beneficiary
        "ACCOUNT#a1|BENEFICIARY#b1",
        "not a cursor",
    };

    [Theory]
    [MemberData(nameof(ForeignCursors))]
    public async Task A_forged_or_foreign_cursor_is_a_422_naming_the_cursor_never_a_500(string cursorOf)
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        using var mallory = PaymentsDriver.ForNewUser(platform);
        for (var i = 0; i < 2; i++)
        {
            (await alice.Http.PostAsJsonAsync("/users/me/beneficiaries", new { name = $"Payee {i}", iban = "GB82 WEST 1234 5698 7654 32" })).Dispose();
            (await mallory.Http.PostAsJsonAsync("/users/me/beneficiaries", new { name = $"Payee {i}", iban = "GB82 WEST 1234 5698 7654 32" })).Dispose();
        }

        var cursor = cursorOf switch
        {
            "another user's" => (await mallory.Http.GetFromJsonAsync<JsonElement>("/users/me/beneficiaries?limit=1")).GetProperty("nextCursor").GetString()!,
            "an account statement's" => await StatementCursorAsync(alice),
            "not a cursor" => "not a cursor",
            _ => ForgedCursor(cursorOf.Replace("{alice}", alice.UserId, StringComparison.Ordinal)),
        };

        using var response = await alice.Http.GetAsync($"/users/me/beneficiaries?cursor={Uri.EscapeDataString(cursor)}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("VALIDATION_FAILED", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    [Theory]
    [InlineData("0", HttpStatusCode.UnprocessableEntity)]
    [InlineData("101", HttpStatusCode.UnprocessableEntity)]
    [InlineData("-1", HttpStatusCode.UnprocessableEntity)]
    [InlineData("ten", HttpStatusCode.BadRequest)] // not a whole number: a binding failure, as on every list
    public async Task A_limit_outside_1_to_100_is_refused_naming_the_limit(string limit, HttpStatusCode expected)
    {
        using var alice = PaymentsDriver.ForNewUser(platform);

        using var response = await alice.Http.GetAsync($"/users/me/beneficiaries?limit={limit}");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task A_beneficiary_with_a_wrong_iban_is_a_field_error()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);

        var response = await alice.Http.PostAsJsonAsync("/users/me/beneficiaries", new { name = "X", iban = "GB82WEST12345698765433" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("\"iban\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static List<string> IdsOf(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("beneficiaryId").GetString()!)];

    // The cursor layout a client could learn by decoding one: base64url of the key as JSON ("PK|SK" here).
    private static string ForgedCursor(string key) =>
        System.Buffers.Text.Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["PK"] = key.Split('|')[0],
            ["SK"] = key.Split('|')[1],
        }));

    /// <summary>A real cursor of one of the user's account statements (its partition, a transaction's sort key).</summary>
    private static async Task<string> StatementCursorAsync(PaymentsDriver driver)
    {
        var accountId = await driver.OpenAccountAsync();
        await driver.DepositAsync(accountId, 100);
        await driver.DepositAsync(accountId, 200);
        return (await driver.Http.GetFromJsonAsync<JsonElement>($"/accounts/{accountId}/transactions?limit=1")).GetProperty("nextCursor").GetString()!;
    }
}
