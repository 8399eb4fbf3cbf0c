using Cart.Api.Carts;
using Cart.Api.Contracts;
using Cart.Api.Model;
using Cart.Api.Storage;
using Idempotency;
using ServiceDefaults.Authentication;

namespace Cart.Api.Apis;

/// <summary>Creating and reading carts.</summary>
internal static class CartEndpoints
{
    /// <summary>Creates a guest cart bound to the request's device cookie (or, without one, to the signed-in user).</summary>
    public static async Task<Results<Created<CreateCartResponse>, ProblemHttpResult>> CreateCartAsync(
        CreateCartRequest? request,
        HttpContext context,
        [AsParameters] CartServices services,
        CancellationToken cancellationToken)
    {
        var currency = CartValidation.CurrencyOf(request);
        if (!currency.Succeeded)
        {
            return currency.Error.ToResult();
        }

        var caller = CartCaller.From(context);
        if (caller.DeviceId is null && caller.UserId is null)
        {
            return CartErrors.NoOwner().ToResult();
        }

        var now = services.Time.GetUtcNow();
        var timestamp = now.ToUtcTimestamp();
        var guest = caller.DeviceId is not null;
        var header = new CartHeader(
            CartIds.New(),
            currency.Value,
            CartStatus.Open,
            Version: 1,
            CreatedAt: timestamp,
            UpdatedAt: timestamp,
            Ttl: guest ? CartRules.GuestExpiry(now, services.Options.Value.GuestCartLifetime) : null,
            DeviceId: caller.DeviceId,
            UserId: guest ? null : caller.UserId);

        var location = $"/carts/{header.CartId}";
        var body = new CreateCartResponse(header.CartId);
        var completion = new Completion<CreateCartResponse>(StatusCodes.Status201Created, body, VersionETag.Format(header.Version), location);
        switch (await services.Store.CommitAsync(CartWrites.Create(services.Store.TableName, header), context.GetIdempotency(), completion, 1, cancellationToken))
        {
            case CommitResult.Committed:
                break;
            case CommitResult.KeyTaken:
                return IdempotencyErrors.InUse().ToResult();
            case CommitResult.Throttled:
                return CartErrors.Throttled().ToResult();
            default:
                return ApiError.Conflict("The cart could not be created; retry.").ToResult();
        }

        Activity.Current?.SetTag("cart.id", header.CartId);
        CartLog.CartCreated(services.Logger, header.CartId, header.Currency, guest);
        var cart = new CartSnapshot(header, [], []);
        await services.Mutations.PublishAsync(cart, CartRenderer.Render(cart));

        context.Response.SetETag(header.Version);
        return TypedResults.Created(location, body);
    }

    /// <summary>Reads a cart: this replica's proven-current copy, else Redis (its bytes answered as they are), then a consistent DynamoDB read that refills the cache. Not yours reads as 404.</summary>
    public static async Task<Results<CartViewResult, ProblemHttpResult>> GetCartAsync(
        string cartId,
        HttpContext context,
        [AsParameters] CartServices services,
        CancellationToken cancellationToken)
    {
        if (!CartIds.IsWellFormed(cartId))
        {
            return CartErrors.NotFound().ToResult();
        }

        Activity.Current?.SetTag("cart.id", cartId);
        var served = await services.Reader.ReadAsync(cartId, CartCaller.From(context), cancellationToken);
        if (served is null)
        {
            return CartErrors.NotFound().ToResult();
        }

        return new CartViewResult(served.View, served.Tier);
    }

    /// <summary>The signed-in user's active cart (404 when there is none, or it was checked out).</summary>
    public static async Task<Results<CartViewResult, ProblemHttpResult>> GetMyCartAsync(
        HttpContext context,
        [AsParameters] CartServices services,
        CancellationToken cancellationToken)
    {
        var userId = context.User.GetUserId();
        var cartId = userId is null ? null : await services.Store.FindActiveCartIdAsync(CartKeys.UserPk(userId), cancellationToken);
        var served = cartId is null ? null : await services.Reader.ReadAsync(cartId, CartCaller.From(context), cancellationToken);
        if (served is null || served.View.Status is not (CartStatus.Open or CartStatus.CheckingOut))
        {
            return CartErrors.NotFound().ToResult();
        }

        return new CartViewResult(served.View, served.Tier);
    }
}
