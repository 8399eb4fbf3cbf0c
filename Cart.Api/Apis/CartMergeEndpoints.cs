using Cart.Api.Carts;
using Cart.Api.Contracts;
using Cart.Api.Model;
using Idempotency;
using ServiceDefaults.Authentication;

namespace Cart.Api.Apis;

/// <summary>Signing in with a guest cart: attach it (or merge it into the user's cart).</summary>
internal static class CartMergeEndpoints
{
    /// <summary>Makes the device's guest cart the user's, merging it into the user's open cart if there is one.</summary>
    public static Task<Results<Ok<CartDocument>, ProblemHttpResult>> AttachAsync(
        AttachCartRequest request, HttpContext context, CartMerges merges, CancellationToken cancellationToken) =>
        RunAsync(CartValidation.CartIdIn(request.CartId, "cartId"), context, merges, cancellationToken);

    /// <summary>Merges the device's guest cart into the user's cart (which it becomes, if the user has none).</summary>
    public static Task<Results<Ok<CartDocument>, ProblemHttpResult>> MergeAsync(
        MergeCartRequest request, HttpContext context, CartMerges merges, CancellationToken cancellationToken) =>
        RunAsync(CartValidation.CartIdIn(request.GuestCartId, "guestCartId"), context, merges, cancellationToken);

    private static async Task<Results<Ok<CartDocument>, ProblemHttpResult>> RunAsync(
        Outcome<string> guestCartId, HttpContext context, CartMerges merges, CancellationToken cancellationToken)
    {
        if (!guestCartId.Succeeded)
        {
            return guestCartId.Error.ToResult();
        }

        var caller = CartCaller.From(context);
        if (context.User.GetUserId() is not { } userId)
        {
            return new ApiError(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, "Unauthorized", "Sign in to attach a cart.").ToResult();
        }

        Activity.Current?.SetTag("cart.id", guestCartId.Value);
        var outcome = await merges.AttachAsync(caller, userId, guestCartId.Value, context.GetIdempotency(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome.Error.ToResult();
        }

        context.Response.SetETag(outcome.Value.Version);
        return TypedResults.Ok(outcome.Value);
    }
}
