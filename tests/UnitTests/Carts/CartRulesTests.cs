using ApiConventions.Problems;
using Cart.Api.Model;
using Xunit;

namespace UnitTests.Carts;

public class CartRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 10, 20, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private static CartSnapshot EmptyGuestCart(string status = CartStatus.Open) => new(
        new CartHeader("c1", "USD", status, 3, "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z", 1, "device", null),
        [],
        []);

    private static readonly Money Price = new(250, "USD");

    private static LineAddition Add(string sku, int qty, Money? price = null) =>
        new(sku, qty, new SortedDictionary<string, string>(), LineKey.Empty, price, null);

    [Fact]
    public void Adding_to_an_existing_line_sums_the_quantities()
    {
        var first = CartRules.AddLine(EmptyGuestCart(), Add("SKU-1", 2), Price, Now, Lifetime).Value!;

        var second = CartRules.AddLine(first.Cart, Add("SKU-1", 3), Price, Now, Lifetime);

        var line = Assert.Single(second.Value!.Cart.Lines);
        Assert.Equal(5, line.Qty);
    }

    [Fact]
    public void Every_change_bumps_the_version_and_slides_a_guest_carts_expiry()
    {
        var edit = CartRules.AddLine(EmptyGuestCart(), Add("SKU-1", 1), Price, Now, Lifetime).Value!;

        Assert.Equal(4, edit.Cart.Header.Version);
        Assert.Equal("2026-01-15T10:20:00.000Z", edit.Cart.Header.UpdatedAt);
        Assert.Equal((Now + Lifetime).ToUnixTimeSeconds(), edit.Cart.Header.Ttl);
    }

    [Fact]
    public void A_line_cannot_exceed_999_units()
    {
        var full = CartRules.AddLine(EmptyGuestCart(), Add("SKU-1", 999), Price, Now, Lifetime).Value!;

        var outcome = CartRules.AddLine(full.Cart, Add("SKU-1", 1), Price, Now, Lifetime);

        Assert.Equal(ErrorCodes.ValidationFailed, outcome.Error!.Code);
    }

    [Fact]
    public void A_price_snapshot_must_be_in_the_cart_currency()
    {
        var outcome = CartRules.AddLine(EmptyGuestCart(), Add("SKU-1", 1, new Money(100, "EUR")), Price, Now, Lifetime);

        Assert.Contains("priceSnapshot.currency", outcome.Error!.Errors!.Keys);
    }

    [Fact]
    public void A_cart_that_is_no_longer_open_rejects_changes_as_a_conflict()
    {
        var outcome = CartRules.AddLine(EmptyGuestCart(CartStatus.CheckedOut), Add("SKU-1", 1), Price, Now, Lifetime);

        Assert.Equal(ErrorCodes.Conflict, outcome.Error!.Code);
    }

    [Fact]
    public void A_cart_holds_at_most_100_lines()
    {
        var cart = EmptyGuestCart();
        for (var i = 0; i < CartRules.MaxLines; i++)
        {
            cart = CartRules.AddLine(cart, Add($"SKU-{i}", 1), Price, Now, Lifetime).Value!.Cart;
        }

        Assert.False(CartRules.AddLine(cart, Add("SKU-one-too-many", 1), Price, Now, Lifetime).Succeeded);
        Assert.True(CartRules.AddLine(cart, Add("SKU-0", 1), Price, Now, Lifetime).Succeeded);
    }

    [Fact]
    public void An_expired_guest_cart_is_treated_as_absent()
    {
        var header = EmptyGuestCart().Header with { Ttl = Now.ToUnixTimeSeconds() };

        Assert.True(header.IsExpiredAt(Now));
        Assert.False((header with { Ttl = null }).IsExpiredAt(Now));
    }

    [Fact]
    public void Setting_a_quantity_is_absolute_and_zero_removes_the_line()
    {
        var cart = CartRules.AddLine(EmptyGuestCart(), Add("SKU-1", 5), Price, Now, Lifetime).Value!.Cart;

        Assert.Equal(2, Assert.Single(CartRules.SetLine(cart, "SKU-1", LineKey.Empty, 2, null, Price, Now, Lifetime).Value!.Lines).Qty);
        Assert.Empty(CartRules.SetLine(cart, "SKU-1", LineKey.Empty, 0, null, Price, Now, Lifetime).Value!.Lines);
        Assert.Empty(CartRules.RemoveLine(cart, "SKU-1", LineKey.Empty, Now, Lifetime).Value!.Lines);
    }

    [Fact]
    public void Changing_a_line_that_is_not_there_is_not_found()
    {
        Assert.Equal(ErrorCodes.NotFound, CartRules.SetLine(EmptyGuestCart(), "SKU-1", LineKey.Empty, 1, null, Price, Now, Lifetime).Error!.Code);
    }

    [Fact]
    public void Promo_codes_replace_the_lines_codes_and_other_lines_keep_their_instances()
    {
        var cart = CartRules.AddLine(EmptyGuestCart(), Add("SKU-1", 1), Price, Now, Lifetime).Value!.Cart;
        cart = CartRules.AddLine(cart, Add("SKU-2", 1), Price, Now, Lifetime).Value!.Cart;
        var untouched = cart.Lines.Single(line => line.Sku == "SKU-2");

        var changed = CartRules.SetLine(cart, "SKU-1", LineKey.Empty, 1, ["SAVE10", "ITEM20", "SAVE10"], Price, Now, Lifetime).Value!;

        Assert.Equal(["ITEM20", "SAVE10"], changed.Lines.Single(line => line.Sku == "SKU-1").PromoCodes);
        Assert.Same(untouched, changed.Lines.Single(line => line.Sku == "SKU-2"));
    }

    [Fact]
    public void A_line_is_priced_from_the_catalog_whatever_price_the_client_sent()
    {
        Assert.Equal(250, CartRules.AddLine(EmptyGuestCart(), Add("SKU-1", 1), new Money(250, "USD"), Now, Lifetime).Value!.Line.PriceSnapshot!.Amount);
        Assert.Equal(250, CartRules.AddLine(EmptyGuestCart(), Add("SKU-1", 1, new Money(0, "USD")), new Money(250, "USD"), Now, Lifetime).Value!.Line.PriceSnapshot!.Amount);
        Assert.False(CartRules.AddLine(EmptyGuestCart(), Add("SKU-1", 1), new Money(250, "EUR"), Now, Lifetime).Succeeded);
    }

    [Fact]
    public void A_sku_that_is_not_in_the_catalog_cannot_be_added()
    {
        var outcome = CartRules.AddLine(EmptyGuestCart(), Add("SKU-9999", 1), null, Now, Lifetime);

        Assert.Equal(ErrorCodes.ValidationFailed, outcome.Error!.Code);
        Assert.Contains("sku", outcome.Error.Errors!.Keys);
    }

    [Fact]
    public void A_line_whose_sku_left_the_catalog_can_be_removed_but_not_set_to_a_quantity()
    {
        var cart = CartRules.AddLine(EmptyGuestCart(), Add("SKU-1", 1), Price, Now, Lifetime).Value!.Cart;

        Assert.Equal(ErrorCodes.ValidationFailed, CartRules.SetLine(cart, "SKU-1", LineKey.Empty, 3, null, null, Now, Lifetime).Error!.Code);
        Assert.Empty(CartRules.SetLine(cart, "SKU-1", LineKey.Empty, 0, null, null, Now, Lifetime).Value!.Lines);
        Assert.Empty(CartRules.RemoveLine(cart, "SKU-1", LineKey.Empty, Now, Lifetime).Value!.Lines);
    }

    [Fact]
    public void Setting_a_quantity_re_prices_the_line_from_the_catalog()
    {
        var cart = CartRules.AddLine(EmptyGuestCart(), Add("SKU-1", 1), Price, Now, Lifetime).Value!.Cart;

        var changed = CartRules.SetLine(cart, "SKU-1", LineKey.Empty, 2, null, new Money(300, "USD"), Now, Lifetime).Value!;

        Assert.Equal(300, Assert.Single(changed.Lines).PriceSnapshot!.Amount);
    }

    [Fact]
    public void A_cart_being_checked_out_accepts_no_changes() =>
        Assert.Equal(ErrorCodes.Conflict, CartRules.AddLine(EmptyGuestCart(CartStatus.CheckingOut), Add("SKU-1", 1), Price, Now, Lifetime).Error!.Code);
}
