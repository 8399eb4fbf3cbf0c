namespace Cart.Api.Model;

/// <summary>
/// The development catalog: six categories, deterministic products <c>SKU-1</c>..<c>SKU-3000</c> spread over them
/// (every sixth product in the same category) and a handful of promo codes.
/// </summary>
internal static class CatalogSeed
{
    public const int ProductCount = 3000;

    public static IReadOnlyList<Category> Categories { get; } =
    [
        new("bakery", "Bakery"),
        new("beverages", "Beverages"),
        new("dairy", "Dairy & eggs"),
        new("household", "Household"),
        new("produce", "Fruit & vegetables"),
        new("snacks", "Snacks"),
    ];

    /// <summary>Every SKU of the seed, in order.</summary>
    public static IEnumerable<string> Skus() => Enumerable.Range(1, ProductCount).Select(n => $"SKU-{n}");

    /// <summary>Priced in the catalog's one currency (<see cref="CatalogOptions.Currency"/>).</summary>
    public static IEnumerable<Product> Products(string currency) => Enumerable.Range(1, ProductCount).Select(n => new Product(
        $"SKU-{n}",
        $"Product {n}",
        new Money(100 + (n * 37 % 9_900), currency))
    {
        Category = Categories[n % Categories.Count].Slug,
    });

    public static IEnumerable<Promotion> Promotions() =>
    [
        new("SAVE10", PromotionKind.Percentage, PromotionScope.Cart, 10, null, "10% off the cart"),
        new("TAKE5", PromotionKind.Fixed, PromotionScope.Cart, 500, "USD", "5.00 USD off the cart"),
        new("ITEM20", PromotionKind.Percentage, PromotionScope.Item, 20, null, "20% off this item"),
        new("UNIT1", PromotionKind.Fixed, PromotionScope.Item, 100, "USD", "1.00 USD off each unit"),
    ];
}
