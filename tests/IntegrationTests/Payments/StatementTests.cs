using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace IntegrationTests.Payments;

/// <summary>A monthly statement is <c>SK BETWEEN</c> with inclusive day bounds, paginated with an opaque cursor.</summary>
[Collection(PlatformCollection.Name)]
public sealed class StatementTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_monthly_statement_includes_the_first_and_last_day_of_the_month_and_nothing_outside()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        string[] inside = ["2026-01-01T00:00:00.000Z", "2026-01-15T12:00:00.000Z", "2026-01-31T23:59:59.999Z"];
        string[] outside = ["2025-12-31T23:59:59.999Z", "2026-02-01T00:00:00.000Z"];
        await SeedTransactionsAsync(alice.UserId, accountId, [.. inside, .. outside]);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var query = $"/accounts/{accountId}/transactions?from=2026-01-01&to=2026-01-31&limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await alice.Http.GetFromJsonAsync<JsonElement>(query);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("createdAt").GetString()!));
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null && ++pages < 10);

        Assert.Equal(inside, seen);
    }

    [Fact]
    public async Task A_cursor_from_another_account_is_refused()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var first = await alice.OpenAccountAsync();
        var second = await alice.OpenAccountAsync();
        await SeedTransactionsAsync(alice.UserId, first, ["2026-03-01T00:00:00.000Z", "2026-03-02T00:00:00.000Z"]);
        var page = await alice.Http.GetFromJsonAsync<JsonElement>($"/accounts/{first}/transactions?limit=1");
        var cursor = page.GetProperty("nextCursor").GetString()!;

        var response = await alice.Http.GetAsync($"/accounts/{second}/transactions?cursor={Uri.EscapeDataString(cursor)}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Theory]
    [InlineData("transactions?from=2026-03-01&to=2026-03-31", "METADATA")]
    [InlineData("transactions?from=2026-03-01&to=2026-03-31", "AUDIT#2026-03-02T00:00:00.000Z#e1")]
    [InlineData("transactions?from=2026-03-01&to=2026-03-31", "TXN#2026-04-15T00:00:00.000Z#t1")]
    [InlineData("transactions?from=2026-03-01&to=2026-03-31", "TXN#2026-02-15T00:00:00.000Z#t1")]
    [InlineData("transactions?from=2026-03-01&to=2026-03-31", "TXN#2026-03-31T23:59:59.999Z$")] // the period's own upper bound, which no row carries
    [InlineData("audit", "METADATA")]
    [InlineData("audit", "TXN#2026-03-01T00:00:00.000Z#t1")]
    public async Task A_cursor_that_points_outside_the_listing_is_a_422_naming_the_cursor_never_a_500(string listing, string sortKey)
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await SeedTransactionsAsync(alice.UserId, accountId, ["2026-03-01T00:00:00.000Z"]);
        var forged = ForgedCursor(new() { ["PK"] = $"ACCOUNT#{accountId}", ["SK"] = sortKey });
        var separator = listing.Contains('?', StringComparison.Ordinal) ? '&' : '?';

        using var response = await alice.Http.GetAsync($"/accounts/{accountId}/{listing}{separator}cursor={Uri.EscapeDataString(forged)}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("VALIDATION_FAILED", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    [Fact]
    public async Task An_audit_history_pages_through_every_entry_newest_first()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenAccountAsync();
        await alice.DepositAsync(accountId, 100);
        await alice.DepositAsync(accountId, 200);
        var all = (await alice.Http.GetFromJsonAsync<JsonElement>($"/accounts/{accountId}/audit")).GetProperty("items").EnumerateArray()
            .Select(entry => entry.GetProperty("eventId").GetString()).ToList();

        var paged = new List<string?>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await alice.Http.GetFromJsonAsync<JsonElement>($"/accounts/{accountId}/audit?limit=1" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            paged.AddRange(page.GetProperty("items").EnumerateArray().Select(entry => entry.GetProperty("eventId").GetString()));
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null && ++pages < 10);

        Assert.True(all.Count >= 2);
        Assert.Equal(all, paged);
    }

    // The cursor layout a client could learn by decoding one: base64url of the key as JSON.
    private static string ForgedCursor(Dictionary<string, string> key) =>
        System.Buffers.Text.Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key));

    // The service stamps transactions with its own clock; a statement over past months needs items at chosen instants.
    private async Task SeedTransactionsAsync(string userId, string accountId, IEnumerable<string> timestamps)
    {
        using var dynamodb = PaymentsTableReader.Client(platform);
        foreach (var at in timestamps)
        {
            var txnId = Guid.NewGuid().ToString("N");
            await dynamodb.PutItemAsync(new PutItemRequest
            {
                TableName = "payments",
                Item = new()
                {
                    ["PK"] = new AttributeValue($"ACCOUNT#{accountId}"),
                    ["SK"] = new AttributeValue($"TXN#{at}#{txnId}"),
                    ["GSI1PK"] = new AttributeValue($"TXN#{txnId}"),
                    ["GSI1SK"] = new AttributeValue($"ACCOUNT#{accountId}"),
                    ["entity"] = new AttributeValue("Transaction"),
                    ["txnId"] = new AttributeValue(txnId),
                    ["accountId"] = new AttributeValue(accountId),
                    ["userId"] = new AttributeValue(userId),
                    ["kind"] = new AttributeValue("DEPOSIT"),
                    ["direction"] = new AttributeValue("CREDIT"),
                    ["amount"] = new AttributeValue { N = "1" },
                    ["currency"] = new AttributeValue("EUR"),
                    ["status"] = new AttributeValue("COMPLETED"),
                    ["refundedAmount"] = new AttributeValue { N = "0" },
                    ["createdAt"] = new AttributeValue(at),
                },
            });
        }
    }
}
