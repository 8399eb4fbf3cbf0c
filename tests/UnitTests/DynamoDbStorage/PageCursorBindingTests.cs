using Amazon.DynamoDBv2.Model;
using DynamoDbStorage.Paging;

namespace UnitTests.DynamoDbStorage;

public sealed class PageCursorBindingTests
{
    private static readonly Dictionary<string, AttributeValue> LastKey = new() { ["PK"] = new AttributeValue("P#1"), ["SK"] = new AttributeValue("S#5") };

    private static CursorScope Scope(string? binding)
    {
        var scope = new CursorScope().Exactly("PK", "P#1").StartingWith("SK", "S#");
        return binding is null ? scope : scope.BoundTo(binding);
    }

    [Fact]
    public void A_bound_cursor_decodes_on_the_same_query_without_its_binding_in_the_key()
    {
        var cursor = PageCursor.Encode(LastKey, Scope("price|0|100"));

        Assert.True(PageCursor.TryDecode(cursor, Scope("price|0|100"), out var key));
        Assert.Equal(["PK", "SK"], key!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_cursor_of_another_query_is_refused_even_when_its_key_fits()
    {
        var cursor = PageCursor.Encode(LastKey, Scope("price|0|100"));

        Assert.False(PageCursor.TryDecode(cursor, Scope("-price|0|100"), out _));
        Assert.False(PageCursor.TryDecode(cursor, Scope(null), out _));
        Assert.False(PageCursor.TryDecode(PageCursor.Encode(LastKey), Scope("price|0|100"), out _));
    }
}
