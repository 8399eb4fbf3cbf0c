using Cart.Api.Contracts;
using Cart.Api.Storage;

namespace Cart.Api.Apis;

/// <summary>Catalog browse for a storefront (DESIGN §11): the categories, a category by price, a product by SKU. Anyone may read.</summary>
internal static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var catalog = app.MapGroup("/catalog").WithTags("Catalog");

        catalog.MapGet("/categories", ListCategoriesAsync).WithName("ListCategories").WithResponseExample(StatusCodes.Status200OK, CatalogExamples.Categories);
        catalog.MapGet("/categories/{category}/products", BrowseCategoryAsync).WithName("BrowseCategory")
            .WithResponseExample(StatusCodes.Status200OK, CatalogExamples.Page).WithProblemExample(CatalogExamples.InvalidCursor);
        catalog.MapGet("/products/{sku}", GetProductAsync).WithName("GetProduct")
            .WithResponseExample(StatusCodes.Status200OK, CatalogExamples.Product).WithProblemExample(CatalogExamples.ProductNotFound);

        return app;
    }

    public static async Task<Ok<CategoryList>> ListCategoriesAsync(CatalogListings listings, CancellationToken cancellationToken)
    {
        var categories = await listings.CategoriesAsync(cancellationToken);
        return TypedResults.Ok(new CategoryList([.. categories.Select(category => new CategoryDocument(category.Slug, category.Name))]));
    }

    /// <summary>
    /// A category's products by price: <c>?sort=price|-price&amp;minPrice=&amp;maxPrice=&amp;limit=&amp;cursor=</c>
    /// (prices in minor units, both bounds included). The cursor is opaque and only valid for the same listing.
    /// </summary>
    public static async Task<Results<Ok<ProductPage>, ProblemHttpResult>> BrowseCategoryAsync(
        string category,
        CatalogListings listings,
        CancellationToken cancellationToken,
        string? sort = null,
        string? minPrice = null,
        string? maxPrice = null,
        string? limit = null,
        string? cursor = null)
    {
        if (!CatalogValidation.IsCategory(category))
        {
            return CategoryNotFound().ToResult();
        }

        var query = CatalogValidation.Browse(category, sort, minPrice, maxPrice, limit);
        if (!query.Succeeded)
        {
            return query.Error.ToResult();
        }

        var scope = query.Value.CursorScope();
        if (!PageCursor.TryDecode(cursor, scope, out var startKey))
        {
            return ApiError.InvalidCursor().ToResult();
        }

        if (startKey is null && !await listings.CategoryExistsAsync(category, cancellationToken))
        {
            return CategoryNotFound().ToResult();
        }

        var (products, lastKey) = await listings.BrowseAsync(query.Value, startKey, cancellationToken);
        return TypedResults.Ok(new ProductPage([.. products.Select(ProductDocument.From)], PageCursor.Encode(lastKey, scope)));
    }

    public static async Task<Results<Ok<ProductDocument>, ProblemHttpResult>> GetProductAsync(
        string sku, CatalogStore catalog, CancellationToken cancellationToken)
    {
        var product = CartValidation.IsSku(sku) ? await catalog.FindProductAsync(sku, cancellationToken) : null;
        return product is null ? ProductNotFound().ToResult() : TypedResults.Ok(ProductDocument.From(product));
    }

    public static ApiError ProductNotFound() => ApiError.NotFound("The product was not found.");

    private static ApiError CategoryNotFound() => ApiError.NotFound("The category was not found.");
}
