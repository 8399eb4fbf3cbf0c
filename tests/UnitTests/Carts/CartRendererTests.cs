using Cart.Api.Contracts;
using Cart.Api.Model;
using Xunit;

namespace UnitTests.Carts;

public class CartRendererTests
{
    [Fact]
    public void Totals_multiply_quantities_by_price_snapshots_and_subtract_discounts()
    {
        var cart = new CartSnapshot(
            new CartHeader("c1", "USD", CartStatus.Open, 7, "t", "t", null, null, null),
            [
                new CartLine("A", LineKey.Empty, 2, new Dictionary<string, string>(), new Money(1999, "USD"), null, "t"),
                new CartLine("B", "size:M", 1, new Dictionary<string, string> { ["size"] = "M" }, null, "web", "t"),
            ],
            [new DiscountLine("SUMMER", 500, "summer sale", "cart")]);

        var document = CartRenderer.Render(cart);

        Assert.Equal(new CartTotals(3998, 500, 3498, "USD"), document.Totals);
        Assert.Equal(7, document.Version);
        Assert.Equal(ItemId.From("B", "size:M"), document.Items[1].ItemId);
    }

    [Fact]
    public void A_discount_never_takes_the_total_below_zero()
    {
        var cart = new CartSnapshot(
            new CartHeader("c1", "USD", CartStatus.Open, 1, "t", "t", null, null, null),
            [new CartLine("A", LineKey.Empty, 1, new Dictionary<string, string>(), new Money(100, "USD"), null, "t")],
            [new DiscountLine("BIG", 500, "goodwill", "cart")]);

        Assert.Equal(0, CartRenderer.Render(cart).Totals.Total);
    }
}
