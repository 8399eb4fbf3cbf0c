using Amazon.DynamoDBv2.Model;
using Cart.Api.Caching;
using Cart.Api.Contracts;
using Cart.Api.Model;
using Cart.Api.Storage;
using Xunit;

namespace UnitTests.Carts;

public class CachedCartSnapshotTests
{
    private static readonly CartHeader Guest = new("c1", "EUR", CartStatus.Open, 7, "2026-11-20T10:00:00.000Z", "2026-11-24T23:05:41.649Z", 1_900_000_000, "device-1", null);

    private static readonly CartSnapshot Full = new(
        Guest,
        [
            new CartLine("SKU-1", "color:red|size:M", 2, new SortedDictionary<string, string>(StringComparer.Ordinal) { ["size"] = "M", ["color"] = "red" }, new Money(137, "EUR"), "web", "2026-11-24T23:05:41.649Z")
            {
                PromoCodes = ["TENOFF", "SHIPFREE"],
            },
            new CartLine("SKU-2", "-", 1, new SortedDictionary<string, string>(StringComparer.Ordinal), null, null, "2026-11-21T08:00:00.000Z"),
            new CartLine("SKU-3", "gift:\"yes\" \u00e9\u4e2d", 5, new SortedDictionary<string, string>(StringComparer.Ordinal) { ["gift"] = "\"yes\" \u00e9\u4e2d" }, new Money(0, "EUR"), "app", "2026-11-22T08:00:00.000Z"),
        ],
        [new DiscountLine("TENOFF", 27, "10 % off SKU-1", "item"), new DiscountLine("SHIPFREE", 499, "free shipping", "cart")]);

    [Fact]
    public void An_open_cart_is_rebuilt_to_exactly_what_the_table_holds_at_its_version()
    {
        var rebuilt = CachedCartSnapshot.TryRebuild(ThroughRedis(Full));

        Assert.NotNull(rebuilt);
        Assert.Equal(Full.Header, rebuilt.Header);
        Assert.Equal(Items(Full), Items(rebuilt));
        Assert.Equal(Full.Discounts, rebuilt.Discounts);
        Assert.Equal(CartView.Of(CartRenderer.Render(Full)).Json.ToArray(), CartView.Of(CartRenderer.Render(rebuilt)).Json.ToArray());
    }

    [Fact]
    public void A_user_cart_without_a_lifetime_is_rebuilt_with_its_owner()
    {
        var cart = Full with { Header = Guest with { Ttl = null, DeviceId = null, UserId = "user-1" } };

        Assert.Equal(cart.Header, CachedCartSnapshot.TryRebuild(ThroughRedis(cart))?.Header);
    }

    [Fact]
    public void A_write_from_the_rebuilt_cart_puts_the_same_items_as_one_from_the_table()
    {
        var rebuilt = CachedCartSnapshot.TryRebuild(ThroughRedis(Full))!;
        var line = Full.Lines[1] with { Qty = 2 };
        var fromTable = CartWrites.Changes("carts", Full, Full with { Header = Full.Header with { Version = 8 }, Lines = [Full.Lines[0], line, Full.Lines[2]] });
        var fromCache = CartWrites.Changes("carts", rebuilt, rebuilt with { Header = rebuilt.Header with { Version = 8 }, Lines = [rebuilt.Lines[0], line, rebuilt.Lines[2]] });

        Assert.Equal(Describe(fromTable), Describe(fromCache));
    }

    [Fact]
    public void An_entry_that_cannot_say_the_whole_cart_is_not_rebuilt()
    {
        var entry = ThroughRedis(Full);

        Assert.Null(CachedCartSnapshot.TryRebuild(entry with { CreatedAt = null }));
        Assert.Null(CachedCartSnapshot.TryRebuild(ThroughRedis(Full with { Header = Guest with { Status = CartStatus.CheckingOut } })));
        Assert.Null(CachedCartSnapshot.TryRebuild(entry with { Version = 8 }));
    }

    [Theory]
    [InlineData("""{"cartId":"c1","currency":"EUR","status":"OPEN","discounts":[],"updatedAt":"t","version":7}""")]
    [InlineData("""{"cartId":"c1","currency":"EUR","status":"OPEN","items":[{"sku":"SKU-1","qty":1}],"discounts":[],"updatedAt":"t","version":7}""")]
    [InlineData("""{"cartId":"c1","currency":"EUR","status":"OPEN","items":"none","discounts":[],"updatedAt":"t","version":7}""")]
    public void A_document_that_does_not_read_back_whole_is_a_miss_not_an_error(string document)
    {
        var entry = ThroughRedis(Full) with { Cart = new CartView(7, CartStatus.Open, System.Text.Encoding.UTF8.GetBytes(document)) };

        Assert.Null(CachedCartSnapshot.TryRebuild(entry));
    }

    private static CachedCart ThroughRedis(CartSnapshot cart)
    {
        var header = cart.Header;
        var entry = new CachedCart(header.Version, 1_700_000_000_000, header.Status, header.DeviceId, header.UserId, header.Ttl, CartView.Of(CartRenderer.Render(cart)))
        {
            CreatedAt = header.CreatedAt,
        };
        return CachedCartFormat.Read(CachedCartFormat.Write(entry))!;
    }

    /// <summary>Each line as the table stores it.</summary>
    private static string[] Items(CartSnapshot cart) => [.. cart.Lines.Select(line => Describe(CartItemMapper.ToItem(cart.Header.CartId, line)))];

    private static string[] Describe(List<TransactWriteItem> items) =>
        [.. items.Select(item => item.Put is { } put ? "put " + Describe(put.Item) + put.ConditionExpression : "delete " + Describe(item.Delete.Key))];

    private static string Describe(Dictionary<string, AttributeValue> item) =>
        string.Join(";", item.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={Describe(pair.Value)}"));

    private static string Describe(AttributeValue value) =>
        value.S is { } s ? $"S:{s}"
        : value.N is { } n ? $"N:{n}"
        : value.L is { } l ? "L[" + string.Join(",", l.Select(Describe)) + "]"
        : value.M is { } m ? "M{" + Describe(m) + "}"
        : "?";
}
