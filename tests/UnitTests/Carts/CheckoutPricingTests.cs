using ApiConventions.Problems;
using Cart.Api.Contracts;
using Cart.Api.Model;
using Xunit;

namespace UnitTests.Carts;

public class CheckoutPricingTests
{
    private static readonly CartHeader Header = new("c1", "USD", CartStatus.Open, 3, "t", "t", null, null, "u1");

    private static CartLine Line(string sku, long? snapshot) =>
        new(sku, LineKey.Empty, 2, new Dictionary<string, string>(), snapshot is { } amount ? new Money(amount, "USD") : null, null, "t");

    [Fact]
    public void Every_line_is_repriced_from_the_catalog()
    {
        var cart = new CartSnapshot(Header, [Line("A", 1), Line("B", null)], []);
        var products = new Dictionary<string, Product>
        {
            ["A"] = new("A", "a", new Money(500, "USD")),
            ["B"] = new("B", "b", new Money(700, "USD")),
        };

        var repriced = CheckoutPricing.Reprice(cart, products).Value!;

        Assert.Equal([500L, 700L], repriced.Lines.Select(line => line.PriceSnapshot!.Amount));
        Assert.Equal(2400, CartRenderer.Totals(repriced).Total);
    }

    [Fact]
    public void Lines_whose_products_no_longer_exist_are_rejected_with_their_skus()
    {
        var cart = new CartSnapshot(Header, [Line("A", 1), Line("GONE", 1)], []);

        var outcome = CheckoutPricing.Reprice(cart, new Dictionary<string, Product> { ["A"] = new("A", "a", new Money(500, "USD")) });

        Assert.Equal(ErrorCodes.ValidationFailed, outcome.Error!.Code);
        Assert.Contains("GONE", outcome.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_product_priced_in_another_currency_is_rejected()
    {
        var cart = new CartSnapshot(Header, [Line("A", 1)], []);

        Assert.False(CheckoutPricing.Reprice(cart, new Dictionary<string, Product> { ["A"] = new("A", "a", new Money(500, "EUR")) }).Succeeded);
    }
}
