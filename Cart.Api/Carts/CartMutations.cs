namespace Cart.Api.Carts;

/// <summary>
/// Changes to an existing cart: read, apply the rules, commit conditionally on the version, and on a lost
/// race start again from a fresh read. A committed change is written through to the cache and announced.
/// </summary>
internal sealed class CartMutations(CartStore store, CartCache cache, IOptions<CartOptions> options, TimeProvider time, ILogger<CartMutations> logger)
{
    private const int MaxAttempts = 5;

    public async Task<Outcome<CartDocument>> AddItemAsync(string cartId, LineAddition addition, Func<long, bool> ifMatchAllows, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var cart = await store.LoadAsync(cartId, cancellationToken);
            if (cart is null || cart.Header.IsExpiredAt(now))
            {
                return CartErrors.NotFound();
            }

            if (!ifMatchAllows(cart.Header.Version))
            {
                return ApiError.PreconditionFailed($"Cart is at version {cart.Header.Version}.");
            }

            var edit = CartRules.AddLine(cart, addition, now, options.Value.GuestCartLifetime);
            if (!edit.Succeeded)
            {
                return edit.Error;
            }

            if (await store.TryAddToLineAsync(cart.Header, edit.Value, addition.Qty, cancellationToken))
            {
                var document = CartRenderer.Render(edit.Value.Cart);
                await cache.StoreAsync(document, waitForRedis: true);
                await cache.PublishChangeAsync(document);
                return document;
            }

            CartLog.VersionConflict(logger, cartId, cart.Header.Version, attempt);

            // Jitter spreads writers that collided, so they do not collide again on the next read.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)), time, cancellationToken);
        }

        CartLog.ConflictGaveUp(logger, cartId, MaxAttempts);
        return ApiError.Conflict("The cart changed concurrently; read it again and retry.");
    }
}
