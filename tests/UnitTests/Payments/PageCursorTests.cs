using System.Buffers.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using DynamoDbStorage.Paging;
using Payments.Api.Table;
using Xunit;

namespace UnitTests.Payments;

public class PageCursorTests
{
    private static readonly CursorScope January = PageScopes.Statement("a1", "2026-01-01T00:00:00.000Z", "2026-01-31T23:59:59.999Z");

    private static string Cursor(string pk, string sk) =>
        PageCursor.Encode(new() { ["PK"] = new AttributeValue(pk), ["SK"] = new AttributeValue(sk) })!;

    // What a client could make after decoding one of ours: any JSON object, base64url.
    private static string Forged(object key) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key));

    [Fact]
    public void A_cursor_decodes_to_the_key_it_was_made_from()
    {
        var cursor = Cursor("ACCOUNT#a1", "TXN#2026-01-01T00:00:00.000Z#t1");

        Assert.True(PageCursor.TryDecode(cursor, January, out var key));
        Assert.Equal("TXN#2026-01-01T00:00:00.000Z#t1", key!["SK"].S);
        Assert.DoesNotContain("ACCOUNT", cursor, StringComparison.Ordinal);
    }

    [Fact]
    public void No_last_key_means_no_cursor() =>
        Assert.Null(PageCursor.Encode(null));

    [Fact]
    public void No_cursor_means_the_first_page()
    {
        Assert.True(PageCursor.TryDecode(null, January, out var key));
        Assert.Null(key);
    }

    [Theory]
    [InlineData("ACCOUNT#someone-else", "TXN#2026-01-02T00:00:00.000Z#t1")]
    [InlineData("ACCOUNT#a1", "METADATA")]
    [InlineData("ACCOUNT#a1", "AUDIT#2026-01-02T00:00:00.000Z#e1")]
    [InlineData("ACCOUNT#a1", "TXN#2025-12-31T23:59:59.999Z#t1")]
    [InlineData("ACCOUNT#a1", "TXN#2026-02-01T00:00:00.000Z#t1")]
    [InlineData("ACCOUNT#a1", "TXN#2026-01-02T00:00:00.000Z#t\u00e9")]
    [InlineData("ACCOUNT#a1", "TXN#2026-01-02T00:00:00.000Z#t\n")]
    [InlineData("ACCOUNT#a1", "TXN#2026-01-01T00:00:00.000Z")]
    [InlineData("ACCOUNT#a1", "TXN#2026-01-31T23:59:59.999Z$")]
    public void A_statement_cursor_outside_the_accounts_period_is_refused(string pk, string sk) =>
        Assert.False(PageCursor.TryDecode(Cursor(pk, sk), January, out _));

    [Fact]
    public void A_key_attribute_that_is_null_is_refused() =>
        Assert.False(PageCursor.TryDecode(Forged(new Dictionary<string, string?> { ["PK"] = "ACCOUNT#a1", ["SK"] = null }), January, out _));

    [Fact]
    public void A_sort_key_longer_than_dynamodb_accepts_is_refused() =>
        Assert.False(PageCursor.TryDecode(Cursor("ACCOUNT#a1", "TXN#2026-01-02T00:00:00.000Z#" + new string('x', 1000)), January, out _));

    [Fact]
    public void An_audit_cursor_must_point_at_an_audit_entry_of_the_account()
    {
        Assert.True(PageCursor.TryDecode(Cursor("ACCOUNT#a1", "AUDIT#2026-01-02T00:00:00.000Z#e1"), PageScopes.Audit("a1"), out _));
        Assert.False(PageCursor.TryDecode(Cursor("ACCOUNT#a1", "METADATA"), PageScopes.Audit("a1"), out _));
        Assert.False(PageCursor.TryDecode(Cursor("ACCOUNT#a1", "TXN#2026-01-02T00:00:00.000Z#t1"), PageScopes.Audit("a1"), out _));
        Assert.False(PageCursor.TryDecode(Cursor("ACCOUNT#a1", "AUDIT#"), PageScopes.Audit("a1"), out _));
    }

    [Fact]
    public void An_index_cursor_needs_every_key_of_the_index_and_the_table()
    {
        var merchant = PageScopes.MerchantTransactions("m1");
        var full = new Dictionary<string, string>
        {
            ["PK"] = "ACCOUNT#a1", ["SK"] = "TXN#2026-01-02T00:00:00.000Z#t1", ["GSI3PK"] = "MERCHANT#m1", ["GSI3SK"] = "TXN#2026-01-02T00:00:00.000Z",
        };

        Assert.True(PageCursor.TryDecode(Forged(full), merchant, out _));
        Assert.False(PageCursor.TryDecode(Forged(new Dictionary<string, string>(full) { ["GSI3PK"] = "MERCHANT#m2" }), merchant, out _));
        Assert.False(PageCursor.TryDecode(Forged(new Dictionary<string, string>(full) { ["PK"] = "IDEMPOTENCY#u#k" }), merchant, out _));
        Assert.False(PageCursor.TryDecode(Forged(full.Where(pair => pair.Key != "GSI3SK").ToDictionary()), merchant, out _));
        Assert.False(PageCursor.TryDecode(Forged(new Dictionary<string, string>(full) { ["extra"] = "x" }), merchant, out _));
    }

    [Fact]
    public void An_accounts_cursor_must_point_at_an_account_of_the_user()
    {
        var accounts = PageScopes.AccountsOfUser("u1");

        Assert.True(PageCursor.TryDecode(Forged(new { PK = "ACCOUNT#a1", SK = "METADATA", GSI2PK = "USER#u1", GSI2SK = "ACCOUNT#a1" }), accounts, out _));
        Assert.False(PageCursor.TryDecode(Forged(new { PK = "ACCOUNT#a1", SK = "AUDIT#x", GSI2PK = "USER#u1", GSI2SK = "ACCOUNT#a1" }), accounts, out _));
        Assert.False(PageCursor.TryDecode(Forged(new { PK = "ACCOUNT#a1", SK = "METADATA", GSI2PK = "USER#u2", GSI2SK = "ACCOUNT#a1" }), accounts, out _));
    }

    [Fact]
    public void A_beneficiaries_cursor_must_point_at_a_beneficiary_of_the_user()
    {
        var beneficiaries = PageScopes.Beneficiaries("u1");

        Assert.True(PageCursor.TryDecode(Cursor("USER#u1", "BENEFICIARY#b1"), beneficiaries, out _));
        Assert.False(PageCursor.TryDecode(Cursor("USER#u2", "BENEFICIARY#b1"), beneficiaries, out _));
        Assert.False(PageCursor.TryDecode(Cursor("USER#u1", "FRAUD#2026-01-02T00:00:00.000Z"), beneficiaries, out _));
        Assert.False(PageCursor.TryDecode(Cursor("USER#u1", "BENEFICIARY#"), beneficiaries, out _));
    }

    [Theory]
    [InlineData("not base64 !")]
    [InlineData("bm90IGpzb24")]
    [InlineData("e30")]
    [InlineData("eyJQSyI6IkFDQ09VTlQjYTEifQ")]
    [InlineData("WzFd")]
    [InlineData("eyJQSyI6MX0")]
    public void Garbage_is_not_a_cursor(string cursor) =>
        Assert.False(PageCursor.TryDecode(cursor, January, out _));
}
