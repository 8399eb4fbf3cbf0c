using Cart.Api.Catalog;
using Cart.Api.Contracts;
using Cart.Api.Storage;
using Idempotency;

namespace Cart.Api.Apis;

/// <summary>
/// Development-only catalog administration: a price change, which moves the product in the category index; only in the
/// catalog's currency (<see cref="CatalogOptions"/>), since the index sorts by amount.
/// </summary>
internal static class CatalogAdminApi
{
    public static RouteGroupBuilder MapCatalogAdmin(this RouteGroupBuilder admin)
    {
        admin.MapPut("/catalog/products/{sku}/price", ChangePriceAsync).WithName("ChangeProductPrice").WithIdempotency(CartsApi.UserScope)
            .WithRequestExample(CatalogExamples.PriceChange).WithResponseExample(StatusCodes.Status200OK, CatalogExamples.Repriced)
            .WithProblemExample(CatalogExamples.OtherCurrency);
        return admin;
    }

    public static async Task<Results<Ok<ProductDocument>, ProblemHttpResult>> ChangePriceAsync(
        string sku, PriceChangeRequest request, CatalogStore catalog, IOptions<CatalogOptions> options, CancellationToken cancellationToken)
    {
        var price = CatalogValidation.Price(request, options.Value.Currency);
        if (!price.Succeeded)
        {
            return price.Error.ToResult();
        }

        var product = CartValidation.IsSku(sku) ? await catalog.ChangePriceAsync(sku, price.Value, cancellationToken) : null;
        return product is null ? CatalogApi.ProductNotFound().ToResult() : TypedResults.Ok(ProductDocument.From(product));
    }
}
