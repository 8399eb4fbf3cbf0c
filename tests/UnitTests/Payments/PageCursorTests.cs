using Amazon.DynamoDBv2.Model;
using Payments.Api.Table;
using Xunit;

namespace UnitTests.Payments;

public class PageCursorTests
{
    private static readonly string[] KeyNames = ["PK", "SK"];

    [Fact]
    public void A_cursor_decodes_to_the_key_it_was_made_from()
    {
        var cursor = PageCursor.Encode(new() { ["PK"] = new AttributeValue("ACCOUNT#a1"), ["SK"] = new AttributeValue("TXN#2026-01-01T00:00:00.000Z#t1") });

        Assert.True(PageCursor.TryDecode(cursor, KeyNames, "PK", "ACCOUNT#a1", out var key));
        Assert.Equal("TXN#2026-01-01T00:00:00.000Z#t1", key!["SK"].S);
        Assert.DoesNotContain("ACCOUNT", cursor, StringComparison.Ordinal);
    }

    [Fact]
    public void No_last_key_means_no_cursor() =>
        Assert.Null(PageCursor.Encode(null));

    [Fact]
    public void No_cursor_means_the_first_page()
    {
        Assert.True(PageCursor.TryDecode(null, KeyNames, "PK", "ACCOUNT#a1", out var key));
        Assert.Null(key);
    }

    [Fact]
    public void A_cursor_of_another_partition_is_refused()
    {
        var cursor = PageCursor.Encode(new() { ["PK"] = new AttributeValue("ACCOUNT#someone-else"), ["SK"] = new AttributeValue("TXN#x") });

        Assert.False(PageCursor.TryDecode(cursor, KeyNames, "PK", "ACCOUNT#a1", out _));
    }

    [Theory]
    [InlineData("not base64 !")]
    [InlineData("bm90IGpzb24")]
    [InlineData("e30")]
    [InlineData("eyJQSyI6IkFDQ09VTlQjYTEifQ")]
    public void Garbage_is_not_a_cursor(string cursor) =>
        Assert.False(PageCursor.TryDecode(cursor, KeyNames, "PK", "ACCOUNT#a1", out _));
}
