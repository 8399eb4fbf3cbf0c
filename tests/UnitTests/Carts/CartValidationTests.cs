using ApiConventions.Problems;
using Cart.Api.Apis;
using Cart.Api.Contracts;
using Cart.Api.Model;
using Xunit;

namespace UnitTests.Carts;

public class CartValidationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(999)]
    public void Quantities_from_1_to_999_are_accepted(int qty) =>
        Assert.True(CartValidation.Validate(new AddItemRequest("SKU-1", qty, null, null, null)).Succeeded);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1000)]
    public void Quantities_outside_1_to_999_are_a_validation_failure_on_qty(int qty)
    {
        var outcome = CartValidation.Validate(new AddItemRequest("SKU-1", qty, null, null, null));

        Assert.False(outcome.Succeeded);
        Assert.Equal(422, outcome.Error.Status);
        Assert.Equal(ErrorCodes.ValidationFailed, outcome.Error.Code);
        Assert.Contains("qty", outcome.Error.Errors!.Keys);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("sku-1.v2_x")]
    public void Skus_matching_the_pattern_are_accepted(string sku) => Assert.True(CartValidation.IsSku(sku));

    [Theory]
    [InlineData("")]
    [InlineData("-leading-dash")]
    [InlineData("has#hash")]
    [InlineData("has space")]
    [InlineData("DISC")]
    public void Skus_that_could_break_the_sort_key_are_rejected(string sku) => Assert.False(CartValidation.IsSku(sku));

    [Theory]
    [InlineData(3, 'a', true)] // 3 × (32 + 1 + 64) ASCII: about 300 bytes
    [InlineData(4, 'a', false)] // about 400 bytes
    [InlineData(3, 'ä', false)] // 3 × (32 + 1 + 128 bytes of two-byte letters): about 490 bytes
    public void A_line_is_accepted_only_when_it_fits_an_item_id_that_parses_back(int pairs, char letter, bool accepted)
    {
        var attrs = Enumerable.Range(0, pairs).ToDictionary(i => $"k{i}".PadRight(32, 'x'), _ => (string?)new string(letter, 64));

        var outcome = CartValidation.Validate(new AddItemRequest("SKU-1", 1, attrs, null, null));

        Assert.Equal(accepted, outcome.Succeeded);
        if (outcome.Succeeded)
        {
            var line = outcome.Value;
            Assert.Equal((line.Sku, line.LineKey), ItemId.TryParse(ItemId.From(line.Sku, line.LineKey)));
        }
        else
        {
            Assert.Equal(["attrs"], outcome.Error.Errors!.Keys);
        }
    }

    [Fact]
    public void Every_invalid_field_is_reported_at_once()
    {
        var outcome = CartValidation.Validate(new AddItemRequest(
            null,
            null,
            new Dictionary<string, string?> { ["size"] = "M;L", ["bad key"] = "x", ["color"] = null },
            new MoneyRequest(-5, "usd"),
            null));

        Assert.False(outcome.Succeeded);
        Assert.Equal(
            ["attrs.bad key", "attrs.color", "attrs.size", "priceSnapshot.amount", "priceSnapshot.currency", "qty", "sku"],
            outcome.Error.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_valid_request_carries_its_canonical_line_key()
    {
        var outcome = CartValidation.Validate(new AddItemRequest(
            "SKU-1", 2, new Dictionary<string, string?> { ["size"] = "M", ["color"] = "Navy" }, new MoneyRequest(1999, "USD"), "web"));

        Assert.True(outcome.Succeeded);
        Assert.Equal("color:Navy;size:M", outcome.Value.LineKey);
        Assert.Equal(new Money(1999, "USD"), outcome.Value.PriceSnapshot);
    }

    [Fact]
    public void A_cart_without_a_currency_is_in_USD() => Assert.Equal("USD", CartValidation.CurrencyOf(null).Value);

    [Fact]
    public void A_cart_currency_must_be_three_upper_case_letters() =>
        Assert.False(CartValidation.CurrencyOf(new CreateCartRequest("eur")).Succeeded);

    [Fact]
    public void Values_with_a_trailing_newline_are_refused_in_every_shaped_field()
    {
        var outcome = CartValidation.Validate(new AddItemRequest(
            "SKU-1\n", 1, new Dictionary<string, string?> { ["size\n"] = "M" }, new MoneyRequest(1, "USD\n"), "web\n"));

        Assert.False(outcome.Succeeded);
        Assert.Equal(["attrs.size\n", "priceSnapshot.currency", "sku", "source"], outcome.Error.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.False(CartValidation.CurrencyOf(new CreateCartRequest("USD\n")).Succeeded);
        Assert.False(CartValidation.AccountIdIn("acct-1\n").Succeeded);
        Assert.False(CartValidation.Validate(new UpdateItemRequest(1, ["SAVE10\n"])).Succeeded);
        Assert.False(CartIds.IsWellFormed("0123456789abcdef\n"));
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("AAA")]
    [InlineData("XAU")]
    public void A_cart_or_a_price_in_a_currency_that_is_not_ISO_4217_is_refused(string currency)
    {
        Assert.Equal(["currency"], CartValidation.CurrencyOf(new CreateCartRequest(currency)).Error!.Errors!.Keys);
        Assert.Equal(["priceSnapshot.currency"], CartValidation.Validate(new AddItemRequest("SKU-1", 1, null, new MoneyRequest(1, currency), null)).Error!.Errors!.Keys);
    }

    [Theory]
    [InlineData("M\u0007")]
    [InlineData("\u202EL")]
    [InlineData("M\u2029")]
    [InlineData("M\u200B")]
    public void Attribute_values_refuse_control_and_invisible_characters(string value)
    {
        var outcome = CartValidation.Validate(new AddItemRequest("SKU-1", 1, new Dictionary<string, string?> { ["size"] = value }, null, null));

        Assert.Equal(["attrs.size"], outcome.Error!.Errors!.Keys);
    }
}
