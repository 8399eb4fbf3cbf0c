using Cart.Api.Contracts;
using Cart.Api.Storage;
using Cart.Api.Model;

namespace Cart.Api.Apis;

/// <summary>
/// The examples the catalog's operations show, built from the contract's records and the development seed: its
/// categories, and bakery's <c>SKU-12</c> at 5.44 USD (the product of <see cref="CartExamples"/>).
/// </summary>
internal static class CatalogExamples
{
    private static readonly ProductDocument Product12 = new("SKU-12", "Product 12", "bakery", new Money(544, "USD"));

    public static readonly CategoryList Categories = new([.. CatalogSeed.Categories.Select(category => new CategoryDocument(category.Slug, category.Name))]);

    /// <summary>Bakery's first page of two, cheapest first, as the seed prices it; the cursor fetches the next two.</summary>
    public static readonly ProductPage Page = FirstPage("bakery", 2);

    public static readonly ProductDocument Product = Product12;

    public static readonly PriceChangeRequest PriceChange = new(599, "USD");

    public static readonly ProductDocument Repriced = Product12 with { Price = new Money(599, "USD") };

    public static readonly ApiError ProductNotFound = CatalogApi.ProductNotFound();

    public static readonly ApiError InvalidCursor = ApiError.InvalidCursor();

    public static readonly ApiError OtherCurrency = CatalogValidation.Price(new PriceChangeRequest(599, "EUR"), "USD").Error
        ?? throw new InvalidOperationException("A price in another currency than the catalog's must be refused.");

    private static ProductPage FirstPage(string category, int limit)
    {
        var page = CatalogSeed.Products("USD")
            .Where(product => product.Category == category)
            .OrderBy(product => product.Price.Amount).ThenBy(product => product.Sku, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        var last = page[^1];
        var lastKey = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [CartAttributes.Gsi1PartitionKey] = new(CatalogKeys.CategoryPk(category)),
            [CartAttributes.Gsi1SortKey] = new(CatalogKeys.PriceSk(last.Price.Amount, last.Sku)),
            [CartAttributes.PartitionKey] = new(CartKeys.ProductPk(last.Sku)),
            [CartAttributes.SortKey] = new(CartKeys.Catalog),
        };
        var scope = new BrowseQuery(category, Descending: false, 0, CatalogValidation.MaxPrice, limit).CursorScope();
        return new ProductPage([.. page.Select(ProductDocument.From)], PageCursor.Encode(lastKey, scope));
    }
}
