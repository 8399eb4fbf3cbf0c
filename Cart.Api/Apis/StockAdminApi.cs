using Cart.Api.Contracts;
using Cart.Api.Storage;
using Idempotency;

namespace Cart.Api.Apis;

/// <summary>Development-only stock administration: set a SKU's stock and shard count, read its shards.</summary>
internal static class StockAdminApi
{

    public static RouteGroupBuilder MapStockAdmin(this RouteGroupBuilder admin)
    {
        admin.MapPut("/stock/{sku}", SetAsync).WithName("SetStock").WithIdempotency(CartsApi.UserScope)
            .WithRequestExample(StockExamples.Set).WithResponseExample(StatusCodes.Status200OK, StockExamples.Stock);
        admin.MapGet("/stock/{sku}", GetAsync).WithName("GetStock").WithResponseExample(StatusCodes.Status200OK, StockExamples.Stock);
        return admin;
    }

    public static async Task<Results<Ok<StockDocument>, ProblemHttpResult>> SetAsync(
        string sku, SetStockRequest request, StockStore stock, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Quantity is not (>= 0 and <= StockKeys.MaxQuantity))
        {
            errors.Add("quantity", request.Quantity is null ? "Required." : $"Must be between 0 and {StockKeys.MaxQuantity}.");
        }

        if (request.Shards is not (>= 1 and <= StockKeys.MaxShards))
        {
            errors.Add("shards", request.Shards is null ? "Required." : $"Must be between 1 and {StockKeys.MaxShards}.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToError().ToResult();
        }

        var shards = CartValidation.IsSku(sku)
            ? await stock.SetAsync(sku, request.Quantity!.Value, request.Shards!.Value, time.GetUtcTimestamp(), cancellationToken)
            : null;
        return shards is null ? CatalogApi.ProductNotFound().ToResult() : TypedResults.Ok(StockDocument.From(sku, shards));
    }

    public static async Task<Results<Ok<StockDocument>, ProblemHttpResult>> GetAsync(
        string sku, StockStore stock, CatalogStore catalog, CancellationToken cancellationToken)
    {
        var product = CartValidation.IsSku(sku) ? await catalog.FindProductAsync(sku, cancellationToken) : null;
        if (product?.StockShards is not { } count)
        {
            return ApiError.NotFound("The product was not found, or its stock is not tracked.").ToResult();
        }

        var shards = await stock.ShardsAsync(new Dictionary<string, int>(StringComparer.Ordinal) { [sku] = count }, cancellationToken);
        return TypedResults.Ok(StockDocument.From(sku, shards.GetValueOrDefault(sku) ?? []));
    }
}
