using Cart.Api.Carts;
using Cart.Api.Contracts;
using UpdateItemRequest = Cart.Api.Contracts.UpdateItemRequest;
using Cart.Api.Model;
using Idempotency;

namespace Cart.Api.Apis;

/// <summary>Adding, changing and removing a cart's lines; each honours <c>If-Match</c> and Idempotency-Key.</summary>
internal static class CartItemEndpoints
{
    /// <summary>Adds a quantity to the line of (sku, attrs), priced from the catalog; a SKU the catalog lacks is a 422.</summary>
    public static async Task<Results<Ok<CartDocument>, ProblemHttpResult>> AddItemAsync(
        string cartId,
        AddItemRequest request,
        HttpContext context,
        [AsParameters] CartServices services,
        CancellationToken cancellationToken)
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

        var product = await services.Products.FindAsync(addition.Value.Sku, cancellationToken);
        var lifetime = services.Options.Value.GuestCartLifetime;
        return await MutateAsync(cartId, context, services, (cart, now) =>
        {
            var edit = CartRules.AddLine(cart, addition.Value, product?.Price, now, lifetime);
            return edit.Succeeded ? edit.Value.Cart : edit.Error;
        }, cancellationToken);
    }

    /// <summary>Sets a line's absolute quantity (0 or less removes it) and, when given, its promo codes; the line is re-priced from the catalog.</summary>
    public static async Task<Results<Ok<CartDocument>, ProblemHttpResult>> UpdateItemAsync(
        string cartId,
        string itemId,
        UpdateItemRequest request,
        HttpContext context,
        [AsParameters] CartServices services,
        CancellationToken cancellationToken)
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

        if (update.Value.PromoCodes is { Count: > 0 } codes)
        {
            var known = await services.Catalog.FindPromotionsAsync(codes, cancellationToken);
            var unknown = codes.Where(code => !known.ContainsKey(code)).ToList();
            if (unknown.Count > 0)
            {
                var errors = new FieldErrors();
                errors.Add("promoCodes", $"Unknown promo code(s): {string.Join(", ", unknown)}.");
                return errors.ToError().ToResult();
            }
        }

        var product = update.Value.Qty > 0 ? await services.Products.FindAsync(sku, cancellationToken) : null;
        var lifetime = services.Options.Value.GuestCartLifetime;
        return await MutateAsync(cartId, context, services,
            (cart, now) => CartRules.SetLine(cart, sku, lineKey, update.Value.Qty, update.Value.PromoCodes, product?.Price, now, lifetime),
            cancellationToken);
    }

    /// <summary>Removes a line.</summary>
    public static async Task<Results<Ok<CartDocument>, ProblemHttpResult>> RemoveItemAsync(
        string cartId,
        string itemId,
        HttpContext context,
        [AsParameters] CartServices services,
        CancellationToken cancellationToken)
    {
        if (!CartIds.IsWellFormed(cartId) || ItemId.TryParse(itemId) is not var (sku, lineKey))
        {
            return CartErrors.NotFound().ToResult();
        }

        var lifetime = services.Options.Value.GuestCartLifetime;
        return await MutateAsync(cartId, context, services, (cart, now) => CartRules.RemoveLine(cart, sku, lineKey, now, lifetime), cancellationToken);
    }

    private static async Task<Results<Ok<CartDocument>, ProblemHttpResult>> MutateAsync(
        string cartId, HttpContext context, CartServices services, CartMutations.Change change, CancellationToken cancellationToken)
    {
        Activity.Current?.SetTag("cart.id", cartId);
        var outcome = await services.Mutations.MutateAsync(
            cartId,
            CartCaller.From(context),
            version => VersionETag.IfMatchAllows(context.Request, version),
            change,
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
