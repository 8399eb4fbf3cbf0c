using System.Net;
using System.Text.Json;
using IntegrationTests.Carts;

namespace IntegrationTests.Catalog;

/// <summary>Catalog browse through the gateway, on the seeded catalog in DynamoDB Local: the sparse price index, its bounds and cursors.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CatalogBrowseTests(PlatformFixture platform)
{
    // The development seed: 3,000 products over six categories, every sixth in the same one.
    private const int ProductsPerCategory = 500;

    [Fact]
    public async Task The_categories_are_the_seeded_ones_for_a_storefront_menu()
    {
        using var shopper = CartClient.ThroughGateway(platform);

        var (status, body) = await shopper.GetAsync("/catalog/categories");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["bakery", "beverages", "dairy", "household", "produce", "snacks"],
            body.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("category").GetString()));
    }

    [Fact]
    public async Task A_category_pages_through_every_product_cheapest_first_and_back_in_reverse()
    {
        using var shopper = CartClient.ThroughGateway(platform);

        var ascending = await AllPagesAsync(shopper, "/catalog/categories/dairy/products?sort=price&limit=100");
        var descending = await AllPagesAsync(shopper, "/catalog/categories/dairy/products?sort=-price&limit=37");

        Assert.Equal(ProductsPerCategory, ascending.Count);
        Assert.Equal(ProductsPerCategory, ascending.Select(p => p.Sku).Distinct().Count());
        Assert.All(ascending, p => Assert.Equal("dairy", p.Category));
        Assert.Equal(ascending.OrderBy(p => p.Amount).ThenBy(p => p.Sku, StringComparer.Ordinal).Select(p => p.Sku), ascending.Select(p => p.Sku));
        Assert.Equal(ascending.Select(p => p.Sku).Reverse(), descending.Select(p => p.Sku));
    }

    [Fact]
    public async Task Price_bounds_include_both_ends_and_nothing_outside()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var all = await AllPagesAsync(shopper, "/catalog/categories/snacks/products?limit=100");
        var min = all[100].Amount;
        var max = all[200].Amount;

        var bounded = await AllPagesAsync(shopper, $"/catalog/categories/snacks/products?minPrice={min}&maxPrice={max}&limit=25");

        Assert.Equal(all.Where(p => p.Amount >= min && p.Amount <= max).Select(p => p.Sku), bounded.Select(p => p.Sku));
        Assert.Contains(bounded, p => p.Amount == min);
        Assert.Contains(bounded, p => p.Amount == max);
    }

    [Fact]
    public async Task A_cursor_is_refused_on_another_listing_and_a_forged_one_everywhere()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var (_, first) = await shopper.GetAsync("/catalog/categories/bakery/products?maxPrice=5000&limit=10");
        var cursor = first.GetProperty("cursor").GetString()!;

        var sameListing = await shopper.GetAsync($"/catalog/categories/bakery/products?maxPrice=5000&limit=10&cursor={cursor}");
        var otherOrder = await shopper.GetAsync($"/catalog/categories/bakery/products?sort=-price&maxPrice=5000&cursor={cursor}");
        var otherBounds = await shopper.GetAsync($"/catalog/categories/bakery/products?maxPrice=6000&cursor={cursor}");
        var otherCategory = await shopper.GetAsync($"/catalog/categories/dairy/products?maxPrice=5000&cursor={cursor}");
        var forged = await shopper.GetAsync("/catalog/categories/bakery/products?cursor=eyJQSyI6IkNBUlQjeCJ9");

        Assert.Equal(HttpStatusCode.OK, sameListing.Status);
        Assert.DoesNotContain(sameListing.Body.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString()),
            first.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString()).Contains);
        foreach (var (status, body) in new[] { otherOrder, otherBounds, otherCategory, forged })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
            Assert.Equal("VALIDATION_FAILED", body.GetProperty("code").GetString());
            Assert.True(body.GetProperty("errors").TryGetProperty("cursor", out _));
        }
    }

    [Theory]
    [InlineData("/catalog/categories/dairy/products?sort=name", "sort")]
    [InlineData("/catalog/categories/dairy/products?minPrice=-1", "minPrice")]
    [InlineData("/catalog/categories/dairy/products?minPrice=1e3", "minPrice")]
    [InlineData("/catalog/categories/dairy/products?maxPrice=99999999999999999999", "maxPrice")]
    [InlineData("/catalog/categories/dairy/products?minPrice=500&maxPrice=400", "maxPrice")]
    [InlineData("/catalog/categories/dairy/products?limit=0", "limit")]
    [InlineData("/catalog/categories/dairy/products?limit=101", "limit")]
    public async Task Bad_listing_parameters_are_a_validation_problem(string path, string field)
    {
        using var shopper = CartClient.ThroughGateway(platform);

        var (status, body) = await shopper.GetAsync(path);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Theory]
    [InlineData("/catalog/categories/toys/products")]
    [InlineData("/catalog/categories/DAIRY/products")]
    [InlineData("/catalog/products/NOPE-1")]
    public async Task An_unknown_category_or_product_is_not_found(string path)
    {
        using var shopper = CartClient.ThroughGateway(platform);

        var (status, body) = await shopper.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("NOT_FOUND", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_product_reads_by_sku_with_its_category_and_price()
    {
        using var shopper = CartClient.ThroughGateway(platform);

        var (status, product) = await shopper.GetAsync("/catalog/products/SKU-7");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("SKU-7", product.GetProperty("sku").GetString());
        Assert.Equal("beverages", product.GetProperty("category").GetString());
        Assert.Equal(100 + (7 * 37 % 9_900), product.GetProperty("price").GetProperty("amount").GetInt64());
    }

    [Fact]
    public async Task A_price_change_moves_the_product_in_its_category_listing()
    {
        using var admin = CartClient.ThroughGateway(platform, $"admin-{Guid.NewGuid():N}");
        const string sku = "SKU-2997"; // household (2997 % 6 == 3); no other test buys or reprices it
        var before = (await admin.GetAsync($"/catalog/products/{sku}")).Body.GetProperty("price").GetProperty("amount").GetInt64();
        var after = 987_654_321L;

        using var changed = await admin.SendAsync(HttpMethod.Put, $"/admin/catalog/products/{sku}/price", new { amount = after, currency = "USD" });
        var atNewPrice = await AllPagesAsync(admin, $"/catalog/categories/household/products?minPrice={after}&maxPrice={after}");
        var atOldPrice = await AllPagesAsync(admin, $"/catalog/categories/household/products?minPrice={before}&maxPrice={before}");
        var mostExpensive = (await admin.GetAsync("/catalog/categories/household/products?sort=-price&limit=1")).Body;

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal([sku], atNewPrice.Select(p => p.Sku));
        Assert.DoesNotContain(sku, atOldPrice.Select(p => p.Sku));
        Assert.Equal(sku, mostExpensive.GetProperty("items")[0].GetProperty("sku").GetString());
        Assert.Equal(after, (await admin.GetAsync($"/catalog/products/{sku}")).Body.GetProperty("price").GetProperty("amount").GetInt64());
    }

    [Fact]
    public async Task A_price_change_is_for_signed_in_callers_and_validated()
    {
        using var guest = CartClient.ThroughGateway(platform);
        using var admin = CartClient.ThroughGateway(platform, $"admin-{Guid.NewGuid():N}");

        using var anonymous = await guest.SendAsync(HttpMethod.Put, "/admin/catalog/products/SKU-2994/price", new { amount = 100, currency = "USD" });
        using var negative = await admin.SendAsync(HttpMethod.Put, "/admin/catalog/products/SKU-2994/price", new { amount = -1, currency = "usd" });
        using var unknown = await admin.SendAsync(HttpMethod.Put, "/admin/catalog/products/NOPE-1/price", new { amount = 100, currency = "USD" });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, negative.StatusCode);
        var errors = JsonDocument.Parse(await negative.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("amount", out _));
        Assert.True(errors.TryGetProperty("currency", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task<List<Listed>> AllPagesAsync(CartClient shopper, string path)
    {
        var products = new List<Listed>();
        string? cursor = null;
        do
        {
            var (status, page) = await shopper.GetAsync(cursor is null ? path : $"{path}&cursor={cursor}");
            Assert.True(status == HttpStatusCode.OK, $"{path} answered {(int)status}: {page}");
            products.AddRange(page.GetProperty("items").EnumerateArray().Select(p => new Listed(
                p.GetProperty("sku").GetString()!,
                p.GetProperty("category").GetString()!,
                p.GetProperty("price").GetProperty("amount").GetInt64())));
            cursor = page.TryGetProperty("cursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);

        return products;
    }

    private sealed record Listed(string Sku, string Category, long Amount);
}
