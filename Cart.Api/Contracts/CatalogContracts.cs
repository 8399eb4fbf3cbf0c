using Cart.Api.Model;

namespace Cart.Api.Contracts;

/// <summary>Response of <c>GET /catalog/categories</c>: every category, for a storefront's menu.</summary>
internal sealed record CategoryList(IReadOnlyList<CategoryDocument> Categories);

internal sealed record CategoryDocument(string Category, string Name);

/// <summary>A product as the catalog shows it.</summary>
internal sealed record ProductDocument(string Sku, string Name, string? Category, Money Price)
{
    public static ProductDocument From(Product product) => new(product.Sku, product.Name, product.Category, product.Price);
}

/// <summary>A page of a category's products in price order; <c>cursor</c> fetches the next page (absent on the last).</summary>
internal sealed record ProductPage(IReadOnlyList<ProductDocument> Items, string? Cursor);

/// <summary>Body of the development-only <c>PUT /admin/catalog/products/{sku}/price</c>.</summary>
internal sealed record PriceChangeRequest(long? Amount, string? Currency);
