using Cart.Api.Apis;
using Cart.Api.Catalog;
using Cart.Api.Contracts;
using Cart.Api.Model;

namespace UnitTests.Catalog;

/// <summary>One catalog, one currency: the price index sorts by amount, which only orders amounts of the same currency.</summary>
public sealed class CatalogCurrencyTests
{
    [Fact]
    public void A_price_in_the_catalogs_currency_is_accepted()
    {
        var price = CatalogValidation.Price(new PriceChangeRequest(1_250, "EUR"), "EUR");

        Assert.True(price.Succeeded);
        Assert.Equal(new Money(1_250, "EUR"), price.Value);
    }

    [Fact]
    public void A_price_in_another_currency_is_refused_on_currency()
    {
        var price = CatalogValidation.Price(new PriceChangeRequest(1_250, "EUR"), "USD");

        Assert.False(price.Succeeded);
        Assert.Contains("currency", price.Error.Errors!.Keys);
    }

    [Fact]
    public void The_seed_is_priced_in_one_currency_the_catalogs()
    {
        Assert.All(CatalogSeed.Products("GBP"), product => Assert.Equal("GBP", product.Price.Currency));
        Assert.Equal(CatalogSeed.Products("USD").Select(product => product.Sku), CatalogSeed.Skus());
    }

    [Fact]
    public void A_price_in_a_currency_that_is_not_ISO_4217_is_refused_on_currency()
    {
        var price = CatalogValidation.Price(new PriceChangeRequest(1_250, "XYZ"), "USD");

        Assert.Equal(["currency"], price.Error!.Errors!.Keys);
    }

    [Theory]
    [InlineData("XYZ", false)]
    [InlineData("XAU", false)]
    [InlineData("usd", false)]
    [InlineData("GBP", true)]
    public void The_catalogs_currency_must_be_an_active_ISO_4217_code_at_start_up(string currency, bool valid) =>
        Assert.Equal(valid, new CatalogOptionsValidator().Validate(null, new CatalogOptions { Currency = currency }).Succeeded);
}
