using Cart.Api.Checkout;
using Cart.Api.Contracts;
using Cart.Api.Model;
using Idempotency;
using Microsoft.Net.Http.Headers;

namespace Cart.Api.Apis;

/// <summary><c>POST /carts/{cartId}/checkout</c>.</summary>
internal static class CheckoutEndpoints
{
    /// <summary>Re-prices the cart, pays for it through Payments.Api with the caller's token, and closes it.</summary>
    public static async Task<Results<Ok<CheckoutResponse>, ProblemHttpResult>> CheckoutAsync(
        string cartId,
        CheckoutRequest request,
        HttpContext context,
        CheckoutService checkout,
        TimeProvider time,
        CancellationToken cancellationToken)
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
        var outcome = await checkout.CheckoutAsync(
            cartId,
            CartCaller.From(context),
            accountId.Value,
            slot,
            context.Request.Headers[HeaderNames.Authorization].FirstOrDefault(),
            version => VersionETag.IfMatchAllows(context.Request, version),
            context.GetIdempotency(),
            cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome.Error.ToResult();
        }

        context.Response.SetETag(outcome.Value.Version);
        return TypedResults.Ok(outcome.Value);
    }
}
