using Cart.Api.Carts;
using Cart.Api.Checkout;
using Cart.Api.Contracts;
using UpdateItemRequest = Cart.Api.Contracts.UpdateItemRequest;
using Cart.Api.Model;
using Cart.Api.Storage;
using Idempotency;
using Microsoft.Net.Http.Headers;
using ServiceDefaults.Authentication;

namespace Cart.Api.Apis;

/// <summary>
/// The cart endpoints (DESIGN §4) and where each one keeps its Idempotency-Key records. Each handler validates the
/// request, runs one command (<see cref="CartService"/>, <see cref="CartMerges"/>, <see cref="CheckoutService"/>)
/// and translates what it returns.
/// </summary>
internal static class CartsApi
{
    public static IEndpointRouteBuilder MapCartsApi(this IEndpointRouteBuilder app)
    {
        var carts = app.MapGroup("/carts").WithTags("Carts");

        // Every change but checkout is one transaction that carries its Idempotency-Key record, so that transaction
        // takes the key too. Checkout calls Payments.Api, an effect outside it: its key is claimed before it runs.
        // A body (attach, merge) or a caller (me/cart) that names no cart is a 404, as a path that names none is; the
        // document's rules see only paths, so those endpoints declare it.
        carts.MapPost("", CreateCartAsync).WithName("CreateCart").WithETag()
            .WithRequestExample(CartExamples.CreateCart).WithResponseExample(StatusCodes.Status201Created, CartExamples.Created)
            .WithIdempotency(OwnerScope, claim: KeyClaim.WithTransaction);
        carts.MapGet("/{cartId}", GetCartAsync).WithName("GetCart").WithETag()
            .WithResponseExample(StatusCodes.Status200OK, CartExamples.Cart);
        carts.MapPost("/{cartId}/items", AddItemAsync).WithName("AddCartItem").WithIfMatch()
            .WithRequestExample(CartExamples.AddItem).WithResponseExample(StatusCodes.Status200OK, CartExamples.Cart)
            .WithIdempotency(CartScope, claim: KeyClaim.WithTransaction);
        carts.MapPatch("/{cartId}/items/{itemId}", UpdateItemAsync).WithName("UpdateCartItem").WithIfMatch()
            .WithRequestExample(CartExamples.UpdateItem)
            .WithIdempotency(CartScope, claim: KeyClaim.WithTransaction);
        carts.MapDelete("/{cartId}/items/{itemId}", RemoveItemAsync).WithName("RemoveCartItem").WithIfMatch().WithIdempotency(CartScope, claim: KeyClaim.WithTransaction);
        carts.MapPost("/attach", AttachAsync).WithName("AttachCart").WithETag()
            .WithRequestExample(CartExamples.Attach).WithResponseExample(StatusCodes.Status200OK, CartExamples.Cart)
            .RequireAuthorization().WithIdempotency(UserScope, claim: KeyClaim.WithTransaction)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ErrorCodes.NotFound);
        carts.MapPost("/merge", MergeAsync).WithName("MergeCart").WithETag()
            .WithRequestExample(CartExamples.Merge).WithResponseExample(StatusCodes.Status200OK, CartExamples.Cart)
            .RequireAuthorization().WithIdempotency(UserScope, claim: KeyClaim.WithTransaction)
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ErrorCodes.NotFound);
        carts.MapPost("/{cartId}/checkout", CheckoutAsync).WithName("CheckoutCart").WithIfMatch()
            .WithRequestExample(CartExamples.Checkout).WithResponseExample(StatusCodes.Status200OK, CartExamples.CheckedOut)
            .RequireAuthorization().WithIdempotency(CartScope)
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, PaymentsClient.InsufficientFunds)
            .ProducesProblemCodes(StatusCodes.Status409Conflict, CheckoutErrors.SlotFull, CheckoutErrors.OutOfStock, CheckoutErrors.CheckoutExpired)
            .WithProblemExample(CartExamples.Declined);

        app.MapGet("/me/cart", GetMyCartAsync).WithTags("Carts").WithName("GetMyCart").WithETag()
            .WithResponseExample(StatusCodes.Status200OK, CartExamples.Cart).RequireAuthorization()
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ErrorCodes.NotFound);

        return app;
    }

    /// <summary>Creates a guest cart bound to the request's device cookie (or, without one, to the signed-in user).</summary>
    public static async Task<Results<Created<CreateCartResponse>, ProblemHttpResult>> CreateCartAsync(
        CreateCartRequest? request, HttpContext context, CartService carts, CancellationToken cancellationToken)
    {
        var currency = CartValidation.CurrencyOf(request);
        if (!currency.Succeeded)
        {
            return currency.Error.ToResult();
        }

        var created = await carts.CreateAsync(new CreateCart(CartCaller.From(context), currency.Value), context.GetIdempotency(), cancellationToken);
        if (!created.Succeeded)
        {
            return created.Error.ToResult();
        }

        Activity.Current?.SetTag("cart.id", created.Value.CartId);
        context.Response.SetETag(created.Value.Version);
        return TypedResults.Created(CartService.LocationOf(created.Value.CartId), new CreateCartResponse(created.Value.CartId));
    }

    /// <summary>Reads a cart: this replica's proven-current copy, else Redis (its bytes answered as they are), then a consistent DynamoDB read that refills the cache. Not yours reads as 404.</summary>
    public static async Task<Results<CartViewResult, ProblemHttpResult>> GetCartAsync(
        string cartId, HttpContext context, CartReader reader, CancellationToken cancellationToken)
    {
        if (!CartIds.IsWellFormed(cartId))
        {
            return CartErrors.NotFound().ToResult();
        }

        Activity.Current?.SetTag("cart.id", cartId);
        var served = await reader.ReadAsync(cartId, CartCaller.From(context), cancellationToken);
        if (served is null)
        {
            return CartErrors.NotFound().ToResult();
        }

        return new CartViewResult(served.View, served.Tier, served.Stale);
    }

    /// <summary>The signed-in user's active cart (404 when there is none, or it was checked out).</summary>
    public static async Task<Results<CartViewResult, ProblemHttpResult>> GetMyCartAsync(
        HttpContext context, CartReader reader, CartStore store, CancellationToken cancellationToken)
    {
        var userId = context.User.GetUserId();
        var cartId = userId is null ? null : await store.FindActiveCartIdAsync(CartKeys.UserPk(userId), cancellationToken);
        var served = cartId is null ? null : await reader.ReadAsync(cartId, CartCaller.From(context), cancellationToken);
        if (served is null || served.View.Status is not (CartStatus.Open or CartStatus.CheckingOut))
        {
            return CartErrors.NotFound().ToResult();
        }

        return new CartViewResult(served.View, served.Tier, served.Stale);
    }

    /// <summary>Adds a quantity to the line of (sku, attrs), priced from the catalog; a SKU the catalog lacks is a 422.</summary>
    public static async Task<Results<Ok<CartDocument>, ProblemHttpResult>> AddItemAsync(
        string cartId, AddItemRequest request, HttpContext context, CartService carts, CancellationToken cancellationToken)
    {
        var addition = CartValidation.Validate(request);
        if (!addition.Succeeded)
        {
            return addition.Error.ToResult();
        }

        if (!CartIds.IsWellFormed(cartId))
        {
            return CartErrors.NotFound().ToResult();
        }

        var command = new AddLine(TargetOf(cartId, context), addition.Value);
        return Answer(context, await carts.AddLineAsync(command, context.GetIdempotency(), cancellationToken));
    }

    /// <summary>Sets a line's absolute quantity (0 or less removes it) and, when given, its promo codes; the line is re-priced from the catalog.</summary>
    public static async Task<Results<Ok<CartDocument>, ProblemHttpResult>> UpdateItemAsync(
        string cartId, string itemId, UpdateItemRequest request, HttpContext context, CartService carts, CancellationToken cancellationToken)
    {
        var update = CartValidation.Validate(request);
        if (!update.Succeeded)
        {
            return update.Error.ToResult();
        }

        if (!CartIds.IsWellFormed(cartId) || ItemId.TryParse(itemId) is not var (sku, lineKey))
        {
            return CartErrors.NotFound().ToResult();
        }

        var command = new SetLine(TargetOf(cartId, context), sku, lineKey, update.Value);
        return Answer(context, await carts.SetLineAsync(command, context.GetIdempotency(), cancellationToken));
    }

    /// <summary>Removes a line.</summary>
    public static async Task<Results<Ok<CartDocument>, ProblemHttpResult>> RemoveItemAsync(
        string cartId, string itemId, HttpContext context, CartService carts, CancellationToken cancellationToken)
    {
        if (!CartIds.IsWellFormed(cartId) || ItemId.TryParse(itemId) is not var (sku, lineKey))
        {
            return CartErrors.NotFound().ToResult();
        }

        var command = new RemoveLine(TargetOf(cartId, context), sku, lineKey);
        return Answer(context, await carts.RemoveLineAsync(command, context.GetIdempotency(), cancellationToken));
    }

    /// <summary>Makes the device's guest cart the user's, merging it into the user's open cart if there is one.</summary>
    public static Task<Results<Ok<CartDocument>, ProblemHttpResult>> AttachAsync(
        AttachCartRequest request, HttpContext context, CartMerges merges, CancellationToken cancellationToken) =>
        AttachGuestCartAsync(CartValidation.CartIdIn(request.CartId, "cartId"), context, merges, cancellationToken);

    /// <summary>Merges the device's guest cart into the user's cart (which it becomes, if the user has none).</summary>
    public static Task<Results<Ok<CartDocument>, ProblemHttpResult>> MergeAsync(
        MergeCartRequest request, HttpContext context, CartMerges merges, CancellationToken cancellationToken) =>
        AttachGuestCartAsync(CartValidation.CartIdIn(request.GuestCartId, "guestCartId"), context, merges, cancellationToken);

    /// <summary>Re-prices the cart, pays for it through Payments.Api with the caller's token, and closes it.</summary>
    public static async Task<Results<Ok<CheckoutResponse>, ProblemHttpResult>> CheckoutAsync(
        string cartId, CheckoutRequest request, HttpContext context, CheckoutService checkout, TimeProvider time, CancellationToken cancellationToken)
    {
        var accountId = CartValidation.AccountIdIn(request.AccountId);
        if (!accountId.Succeeded)
        {
            return accountId.Error.ToResult();
        }

        SlotId? slot = null;
        if (request.SlotId is not null && !SlotId.TryParse(request.SlotId, out slot))
        {
            return ApiError.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["slotId"] = ["Must be a delivery slot id (yyyy-MM-dd-HHmm)."] }).ToResult();
        }

        if (slot is not null && slot.StartsAt <= time.GetUtcNow())
        {
            return CheckoutErrors.SlotStarted().ToResult();
        }

        if (!CartIds.IsWellFormed(cartId))
        {
            return CartErrors.NotFound().ToResult();
        }

        Activity.Current?.SetTag("cart.id", cartId);
        var command = new CheckOut(TargetOf(cartId, context), accountId.Value, slot, context.Request.Headers[HeaderNames.Authorization].FirstOrDefault());
        var outcome = await checkout.CheckoutAsync(command, context.GetIdempotency(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome.Error.ToResult();
        }

        context.Response.SetETag(outcome.Value.Version);
        return TypedResults.Ok(outcome.Value);
    }

    /// <summary>Attach and merge are one command: the guest cart becomes the user's, merged into their open cart if there is one.</summary>
    private static async Task<Results<Ok<CartDocument>, ProblemHttpResult>> AttachGuestCartAsync(
        Outcome<string> guestCartId, HttpContext context, CartMerges merges, CancellationToken cancellationToken)
    {
        if (!guestCartId.Succeeded)
        {
            return guestCartId.Error.ToResult();
        }

        if (context.User.GetUserId() is not { } userId)
        {
            return new ApiError(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, "Unauthorized", "Sign in to attach a cart.").ToResult();
        }

        Activity.Current?.SetTag("cart.id", guestCartId.Value);
        var command = new MergeCarts(CartCaller.From(context), userId, guestCartId.Value);
        return Answer(context, await merges.MergeAsync(command, context.GetIdempotency(), cancellationToken));
    }

    /// <summary>The cart a line command changes: the caller's, at a version the request's <c>If-Match</c> admits.</summary>
    private static CartTarget TargetOf(string cartId, HttpContext context)
    {
        Activity.Current?.SetTag("cart.id", cartId);
        return new CartTarget(cartId, CartCaller.From(context), IfMatch.Of(context.Request));
    }

    /// <summary>200 with the cart and its version's ETag, or the problem.</summary>
    private static Results<Ok<CartDocument>, ProblemHttpResult> Answer(HttpContext context, Outcome<CartDocument> outcome)
    {
        if (!outcome.Succeeded)
        {
            return outcome.Error.ToResult();
        }

        context.Response.SetETag(outcome.Value.Version);
        return TypedResults.Ok(outcome.Value);
    }

    /// <summary>Records of a cart's mutations live in its partition, per caller, so nobody else can replay them.</summary>
    private static IdempotencyScope? CartScope(HttpContext http, IdempotencyKey key) =>
        http.Request.RouteValues["cartId"] is string cartId && CartIds.IsWellFormed(cartId) && CartCaller.From(http).OwnerTag is { } owner
            ? new IdempotencyScope(TableOf(http), CartKeys.CartPk(cartId), CartKeys.Idempotency(owner, key))
            : null;

    /// <summary>
    /// A new cart has no partition yet: its creator's keeps the record — the user's when signed in (where attach and
    /// merge keep theirs, so one key used for two of them is seen as reused), else the device's.
    /// </summary>
    private static IdempotencyScope? OwnerScope(HttpContext http, IdempotencyKey key)
    {
        var caller = CartCaller.From(http);
        var pk = caller.UserId is { } userId ? CartKeys.UserPk(userId) : caller.DeviceId is { } deviceId ? CartKeys.DevicePk(deviceId) : null;
        return pk is null || caller.OwnerTag is not { } owner ? null : new IdempotencyScope(TableOf(http), pk, CartKeys.Idempotency(owner, key));
    }

    /// <summary>Records of a signed-in caller's requests that name no cart live in the user's partition.</summary>
    public static IdempotencyScope? UserScope(HttpContext http, IdempotencyKey key) =>
        CartCaller.From(http) is { UserId: { } userId, OwnerTag: { } owner }
            ? new IdempotencyScope(TableOf(http), CartKeys.UserPk(userId), CartKeys.Idempotency(owner, key))
            : null;

    private static string TableOf(HttpContext http) => http.RequestServices.GetRequiredService<CartStore>().TableName;
}
