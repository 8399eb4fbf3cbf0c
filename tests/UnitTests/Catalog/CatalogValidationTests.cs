using Cart.Api.Apis;
using Cart.Api.Storage;

namespace UnitTests.Catalog;

public sealed class CatalogValidationTests
{
    [Theory]
    [InlineData("dairy", true)]
    [InlineData("fruit-and-veg", true)]
    [InlineData("Dairy", false)]
    [InlineData("dairy\n", false)]
    [InlineData("-dairy", false)]
    [InlineData("", false)]
    [InlineData("a23456789012345678901234567890123", false)]
    public void A_category_is_a_lower_case_slug_matched_whole(string category, bool valid) =>
        Assert.Equal(valid, CatalogValidation.IsCategory(category));

    [Fact]
    public void A_listing_without_parameters_is_cheapest_first_over_every_price_twenty_at_a_time()
    {
        var query = CatalogValidation.Browse("dairy", null, null, null, null);

        Assert.True(query.Succeeded);
        Assert.Equal(new BrowseQuery("dairy", false, 0, CatalogValidation.MaxPrice, 20), query.Value);
    }

    [Theory]
    [InlineData("name", null, null, null, "sort")]
    [InlineData(null, "-1", null, null, "minPrice")]
    [InlineData(null, "+5", null, null, "minPrice")]
    [InlineData(null, " 5", null, null, "minPrice")]
    [InlineData(null, "5\n", null, null, "minPrice")]
    [InlineData(null, null, "10000000001", null, "maxPrice")]
    [InlineData(null, "7", "6", null, "maxPrice")]
    [InlineData(null, null, null, "0", "limit")]
    [InlineData(null, null, null, "101", "limit")]
    [InlineData(null, null, null, "ten", "limit")]
    public void Each_bad_parameter_is_a_field_error(string? sort, string? min, string? max, string? limit, string field)
    {
        var query = CatalogValidation.Browse("dairy", sort, min, max, limit);

        Assert.False(query.Succeeded);
        Assert.Contains(field, query.Error.Errors!.Keys);
    }

    [Fact]
    public void Zero_padded_prices_sort_as_numbers()
    {
        var keys = new[] { CatalogKeys.PriceSk(1000, "A"), CatalogKeys.PriceSk(99, "Z"), CatalogKeys.PriceSk(100, "B"), CatalogKeys.PriceSk(100, "A") };

        Assert.Equal(["000000000099#Z", "000000000100#A", "000000000100#B", "000000001000#A"], keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(100, "A", true)]
    [InlineData(1000, "z-z.z_9", true)]
    [InlineData(500, "SKU-1", true)]
    [InlineData(99, "zzz", false)]
    [InlineData(1001, "A", false)]
    public void A_price_range_holds_both_ends_and_nothing_outside(long price, string sku, bool inside)
    {
        var (lower, upper) = CatalogKeys.PriceRange(100, 1000);
        var key = CatalogKeys.PriceSk(price, sku);

        Assert.Equal(inside, string.CompareOrdinal(key, lower) >= 0 && string.CompareOrdinal(key, upper) <= 0);
    }

    [Fact]
    public void A_listing_cursor_scope_is_bound_to_its_order_and_bounds()
    {
        var cheapest = new BrowseQuery("dairy", false, 0, 500, 20).CursorScope();
        var dearest = new BrowseQuery("dairy", true, 0, 500, 20).CursorScope();
        var wider = new BrowseQuery("dairy", false, 0, 600, 20).CursorScope();

        Assert.NotEqual(cheapest.Binding, dearest.Binding);
        Assert.NotEqual(cheapest.Binding, wider.Binding);
    }
}
