using Cart.Api.Model;
using Xunit;

namespace UnitTests.Carts;

public class DiscountCalculatorTests
{
    private static readonly Dictionary<string, Promotion> Promotions = new()
    {
        ["SAVE10"] = new("SAVE10", PromotionKind.Percentage, PromotionScope.Cart, 10, null, "10% off"),
        ["TAKE5"] = new("TAKE5", PromotionKind.Fixed, PromotionScope.Cart, 500, "USD", "5 off"),
        ["ITEM20"] = new("ITEM20", PromotionKind.Percentage, PromotionScope.Item, 20, null, "20% off item"),
        ["UNIT1"] = new("UNIT1", PromotionKind.Fixed, PromotionScope.Item, 100, "USD", "1 off each"),
        ["EURO"] = new("EURO", PromotionKind.Fixed, PromotionScope.Cart, 100, "EUR", "1 EUR off"),
    };

    private static PricedLine Line(string id, int qty, long price, params string[] codes) => new(id, qty, price, codes);

    [Fact]
    public void A_per_item_percentage_discounts_only_its_line_rounding_down()
    {
        var discounts = DiscountCalculator.Compute([Line("a", 3, 333, "ITEM20"), Line("b", 1, 1000)], Promotions, "USD");

        var discount = Assert.Single(discounts);
        Assert.Equal(199, discount.Amount); // 20% of 999 = 199.8
        Assert.Equal("item:a", discount.Scope);
        Assert.Equal("ITEM20.a", discount.PromoId);
    }

    [Fact]
    public void A_per_item_fixed_amount_is_per_unit_and_capped_at_the_line()
    {
        Assert.Equal(300, DiscountCalculator.Compute([Line("a", 3, 500, "UNIT1")], Promotions, "USD").Single().Amount);
        Assert.Equal(150, DiscountCalculator.Compute([Line("a", 3, 50, "UNIT1")], Promotions, "USD").Single().Amount);
    }

    [Fact]
    public void A_per_cart_code_applies_once_after_item_discounts()
    {
        var discounts = DiscountCalculator.Compute([Line("a", 1, 1000, "ITEM20", "SAVE10"), Line("b", 1, 1000, "SAVE10")], Promotions, "USD");

        Assert.Equal(2, discounts.Count);
        var cart = discounts.Single(discount => discount.Scope == "cart");
        Assert.Equal(180, cart.Amount); // 10% of (2000 - 200)
    }

    [Fact]
    public void A_fixed_cart_amount_never_exceeds_what_is_left()
    {
        Assert.Equal(300, DiscountCalculator.Compute([Line("a", 1, 300, "TAKE5")], Promotions, "USD").Single().Amount);
    }

    [Fact]
    public void Unknown_codes_and_codes_in_another_currency_are_ignored()
    {
        Assert.Empty(DiscountCalculator.Compute([Line("a", 1, 1000, "NOPE", "EURO")], Promotions, "USD"));
    }

    [Fact]
    public void A_per_item_code_on_a_free_line_gives_no_discount_line() =>
        Assert.Empty(DiscountCalculator.Compute([Line("a", 1, 0, "ITEM20")], Promotions, "USD"));
}
