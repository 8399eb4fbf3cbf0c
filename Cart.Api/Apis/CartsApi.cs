using Cart.Api.Checkout;
using Cart.Api.Model;
using Cart.Api.Storage;
using Idempotency;

namespace Cart.Api.Apis;

/// <summary>The cart endpoints (DESIGN §4) and where each one keeps its Idempotency-Key records.</summary>
internal static class CartsApi
{
    public static IEndpointRouteBuilder MapCartsApi(this IEndpointRouteBuilder app)
    {
        var carts = app.MapGroup("/carts").WithTags("Carts");

        // Every change but checkout is one transaction that carries its Idempotency-Key record, so that transaction
        // takes the key too. Checkout calls Payments.Api, an effect outside it: its key is claimed before it runs.
        carts.MapPost("", CartEndpoints.CreateCartAsync).WithName("CreateCart").WithETag()
            .WithRequestExample(CartExamples.CreateCart).WithResponseExample(StatusCodes.Status201Created, CartExamples.Created)
            .WithIdempotency(OwnerScope, claim: KeyClaim.WithTransaction);
        carts.MapGet("/{cartId}", CartEndpoints.GetCartAsync).WithName("GetCart").WithETag()
            .WithResponseExample(StatusCodes.Status200OK, CartExamples.Cart);
        carts.MapPost("/{cartId}/items", CartItemEndpoints.AddItemAsync).WithName("AddCartItem").WithIfMatch()
            .WithRequestExample(CartExamples.AddItem).WithResponseExample(StatusCodes.Status200OK, CartExamples.Cart)
            .WithIdempotency(CartScope, claim: KeyClaim.WithTransaction);
        carts.MapPatch("/{cartId}/items/{itemId}", CartItemEndpoints.UpdateItemAsync).WithName("UpdateCartItem").WithIfMatch()
            .WithRequestExample(CartExamples.UpdateItem)
            .WithIdempotency(CartScope, claim: KeyClaim.WithTransaction);
        carts.MapDelete("/{cartId}/items/{itemId}", CartItemEndpoints.RemoveItemAsync).WithName("RemoveCartItem").WithIfMatch().WithIdempotency(CartScope, claim: KeyClaim.WithTransaction);
        carts.MapPost("/attach", CartMergeEndpoints.AttachAsync).WithName("AttachCart").WithETag()
            .WithRequestExample(CartExamples.Attach).WithResponseExample(StatusCodes.Status200OK, CartExamples.Cart)
            .RequireAuthorization().WithIdempotency(UserScope, claim: KeyClaim.WithTransaction);
        carts.MapPost("/merge", CartMergeEndpoints.MergeAsync).WithName("MergeCart").WithETag()
            .WithRequestExample(CartExamples.Merge).WithResponseExample(StatusCodes.Status200OK, CartExamples.Cart)
            .RequireAuthorization().WithIdempotency(UserScope, claim: KeyClaim.WithTransaction);
        carts.MapPost("/{cartId}/checkout", CheckoutEndpoints.CheckoutAsync).WithName("CheckoutCart").WithIfMatch()
            .WithRequestExample(CartExamples.Checkout).WithResponseExample(StatusCodes.Status200OK, CartExamples.CheckedOut)
            .RequireAuthorization().WithIdempotency(CartScope)
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, PaymentsClient.InsufficientFunds)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, CheckoutErrors.SlotFull, CheckoutErrors.OutOfStock, CheckoutErrors.CheckoutExpired)
            .WithProblemExample(CartExamples.Declined);

        app.MapGet("/me/cart", CartEndpoints.GetMyCartAsync).WithTags("Carts").WithName("GetMyCart").WithETag()
            .WithResponseExample(StatusCodes.Status200OK, CartExamples.Cart).RequireAuthorization();

        return app;
    }

    /// <summary>Records of a cart's mutations live in its partition, per caller, so nobody else can replay them.</summary>
    private static IdempotencyScope? CartScope(HttpContext http, IdempotencyKey key) =>
        http.Request.RouteValues["cartId"] is string cartId && CartIds.IsWellFormed(cartId) && CartCaller.From(http).OwnerTag is { } owner
            ? new IdempotencyScope(TableOf(http), CartKeys.CartPk(cartId), CartKeys.Idempotency(owner, key))
            : null;

    /// <summary>A new cart has no partition yet: its creator's (device or user) partition keeps the record.</summary>
    private static IdempotencyScope? OwnerScope(HttpContext http, IdempotencyKey key)
    {
        var caller = CartCaller.From(http);
        var pk = caller.DeviceId is { } deviceId ? CartKeys.DevicePk(deviceId) : caller.UserId is { } userId ? CartKeys.UserPk(userId) : null;
        return pk is null || caller.OwnerTag is not { } owner ? null : new IdempotencyScope(TableOf(http), pk, CartKeys.Idempotency(owner, key));
    }

    /// <summary>Records of a signed-in caller's requests that name no cart live in the user's partition.</summary>
    public static IdempotencyScope? UserScope(HttpContext http, IdempotencyKey key) =>
        CartCaller.From(http) is { UserId: { } userId, OwnerTag: { } owner }
            ? new IdempotencyScope(TableOf(http), CartKeys.UserPk(userId), CartKeys.Idempotency(owner, key))
            : null;

    private static string TableOf(HttpContext http) => http.RequestServices.GetRequiredService<CartStore>().TableName;
}
