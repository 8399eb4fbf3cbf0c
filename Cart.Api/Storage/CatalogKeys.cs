namespace Cart.Api.Storage;

/// <summary>
/// The catalog's keys in the <c>carts</c> table beside <see cref="CartKeys.ProductPk"/>: the category list, and the
/// sparse GSI1 that lists a category's products by price (<c>CATEGORY#&lt;c&gt;</c>, <c>&lt;price&gt;#&lt;sku&gt;</c>).
/// </summary>
internal static class CatalogKeys
{
    private const string CategoryPrefix = CartsTableKeys.CategoryPrefix;

    /// <summary>The partition of the category list (one item per category, so the menu is one Query).</summary>
    public const string CategoriesPk = CartsTableKeys.Categories;

    /// <summary>
    /// Prices are zero-padded to this many digits in the index's sort key, so lexical order is numeric order; twelve
    /// digits hold every amount <see cref="CatalogValidation.MaxPrice"/> admits.
    /// </summary>
    public const int PriceDigits = 12;

    /// <summary>Sorts after every character a SKU may hold, so <c>&lt;price&gt;#~</c> bounds every SKU at that price.</summary>
    private const char AfterEverySku = '~';

    public static string CategoryPk(string category) => CategoryPrefix + category;

    public static string CategorySk(string category) => CategoryPrefix + category;

    public static string CategoryOf(string categorySk) => categorySk[CategoryPrefix.Length..];

    public static string PriceSk(long amount, string sku) => $"{Padded(amount)}#{sku}";

    /// <summary>The index sort keys of every product priced from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public static (string Lower, string Upper) PriceRange(long min, long max) => ($"{Padded(min)}#", $"{Padded(max)}#{AfterEverySku}");

    /// <summary>The products' partition key prefix (cursors of the index carry the table's keys too).</summary>
    public static string ProductPkPrefix => CartKeys.ProductPk(string.Empty);

    private static string Padded(long amount) => amount.ToString(new string('0', PriceDigits), CultureInfo.InvariantCulture);
}
