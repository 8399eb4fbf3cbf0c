using Cart.Api.Catalog;
using Cart.Api.Contracts;
using Cart.Api.Model;
using Cart.Api.Storage;
using Idempotency;

namespace Cart.Api.Carts;

/// <summary>
/// The cart's commands, one method each: look up what the command needs from the catalog, then create the cart or
/// change it through <see cref="CartMutations"/> (read, apply the rule, commit with the Idempotency-Key's completion,
/// retry a lost race). Each returns the document to answer with, or the problem.
/// </summary>
internal sealed class CartService(
    CartStore store,
    CartMutations mutations,
    CatalogStore catalog,
    ProductLookup products,
    IOptions<CartOptions> options,
    TimeProvider time,
    ILogger<CartService> logger)
{
    /// <summary>Where a created cart is read (its <c>Location</c>), in the answer and in the Idempotency-Key's record of it.</summary>
    public static string LocationOf(string cartId) => $"/carts/{cartId}";

    public async Task<Outcome<CartHeader>> CreateAsync(CreateCart command, IdempotencyContext? idempotency, CancellationToken cancellationToken)
    {
        var caller = command.Caller;
        if (caller.DeviceId is null && caller.UserId is null)
        {
            return CartErrors.NoOwner();
        }

        var now = time.GetUtcNow();
        var timestamp = now.ToUtcTimestamp();
        var guest = caller.DeviceId is not null;
        var header = new CartHeader(
            CartIds.New(),
            command.Currency,
            CartStatus.Open,
            Version: 1,
            CreatedAt: timestamp,
            UpdatedAt: timestamp,
            Ttl: guest ? CartRules.GuestExpiry(now, options.Value.GuestCartLifetime) : null,
            DeviceId: caller.DeviceId,
            UserId: guest ? null : caller.UserId);

        var completion = TransactionCompletion.Response(
            StatusCodes.Status201Created, new CreateCartResponse(header.CartId), VersionETag.Format(header.Version), LocationOf(header.CartId));
        switch (await CommitCreationAsync(header, idempotency, completion, cancellationToken))
        {
            case { Result: CommitResult.Committed }:
                break;
            case { Result: CommitResult.KeyTaken }:
                return IdempotencyErrors.InUse();
            case { Throttled: true }:
                return CartErrors.Throttled();
            default:
                return ApiError.Conflict("The cart could not be created; retry.");
        }

        CartLog.CartCreated(logger, header.CartId, header.Currency, guest);
        var cart = new CartSnapshot(header, [], []);
        await mutations.PublishAsync(cart, CartRenderer.Render(cart));
        return header;
    }

    /// <summary>
    /// Commits a new cart, again while an attempt wrote nothing and may succeed later (throttled, or colliding with a
    /// concurrent transaction on its owner's pointer), within the write retry budget, as every other cart write does.
    /// </summary>
    private async Task<CommitOutcome> CommitCreationAsync(
        CartHeader header, IdempotencyContext? idempotency, TransactionCompletion completion, CancellationToken cancellationToken)
    {
        var retries = TransactionRetries.Within(options.Value.WriteRetryBudget).Start(time);
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await store.CommitAsync(CartWrites.Create(store.TableName, header), idempotency, completion, attempt, cancellationToken);
            if (outcome.Result != CommitResult.Retryable || !retries.MayRetryAfter(attempt))
            {
                return outcome;
            }

            await retries.PauseAsync(attempt, outcome.Throttled, cancellationToken);
        }
    }

    public async Task<Outcome<CartDocument>> AddLineAsync(AddLine command, IdempotencyContext? idempotency, CancellationToken cancellationToken)
    {
        var product = await products.FindAsync(command.Line.Sku, cancellationToken);
        var lifetime = options.Value.GuestCartLifetime;
        return await mutations.MutateAsync(command.Target, (cart, now) =>
        {
            var edit = CartRules.AddLine(cart, command.Line, product?.Price, now, lifetime);
            return edit.Succeeded ? edit.Value.Cart : edit.Error;
        }, idempotency, cancellationToken);
    }

    public async Task<Outcome<CartDocument>> SetLineAsync(SetLine command, IdempotencyContext? idempotency, CancellationToken cancellationToken)
    {
        var (qty, promoCodes) = command.Update;
        if (promoCodes is { Count: > 0 } && await UnknownPromoCodesAsync(promoCodes, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        var product = qty > 0 ? await products.FindAsync(command.Sku, cancellationToken) : null;
        var lifetime = options.Value.GuestCartLifetime;
        return await mutations.MutateAsync(command.Target,
            (cart, now) => CartRules.SetLine(cart, command.Sku, command.LineKey, qty, promoCodes, product?.Price, now, lifetime),
            idempotency, cancellationToken);
    }

    public Task<Outcome<CartDocument>> RemoveLineAsync(RemoveLine command, IdempotencyContext? idempotency, CancellationToken cancellationToken)
    {
        var lifetime = options.Value.GuestCartLifetime;
        return mutations.MutateAsync(command.Target,
            (cart, now) => CartRules.RemoveLine(cart, command.Sku, command.LineKey, now, lifetime),
            idempotency, cancellationToken);
    }

    /// <summary>The 422 naming the promo codes the catalog does not know, or null when it knows them all.</summary>
    private async Task<ApiError?> UnknownPromoCodesAsync(IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        var known = await catalog.FindPromotionsAsync(codes, cancellationToken);
        var unknown = codes.Where(code => !known.ContainsKey(code)).ToList();
        if (unknown.Count == 0)
        {
            return null;
        }

        var errors = new FieldErrors();
        errors.Add("promoCodes", $"Unknown promo code(s): {string.Join(", ", unknown)}.");
        return errors.ToError();
    }
}
