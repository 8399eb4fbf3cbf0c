using Cart.Api.Caching;
using Cart.Api.Contracts;
using Cart.Api.Model;
using Cart.Api.Storage;
using Idempotency;

namespace Cart.Api.Carts;

/// <summary>
/// Changes to an existing cart: read, apply the rules, recompute discount lines, commit the difference conditioned
/// on the version (with the Idempotency-Key's completion in the same transaction), and on a lost race start again
/// from a fresh read with jittered backoff until the retry budget is spent. A committed change is written through
/// to the cache and announced.
/// </summary>
/// <remarks>
/// The first attempt starts from the cart the cache tiers hold, when they hold all of it (<see cref="CachedCartSnapshot"/>):
/// one DynamoDB call per change instead of two. The version condition decides, as it does for a DynamoDB read a
/// concurrent write overtook: a cached cart that is behind fails the commit, and the change starts again at once from
/// DynamoDB (no backoff: nobody was contending). Anything the cached cart refuses — absent, someone else's, an
/// If-Match it does not meet, a change the rules reject — is asked of DynamoDB before it is answered.
/// </remarks>
internal sealed class CartMutations(
    CartStore store,
    CartCache cache,
    CartReader reader,
    LocalCartCache local,
    CartCacheMetrics metrics,
    CatalogStore catalog,
    CartWriteGate gate,
    IOptions<CartOptions> options,
    TimeProvider time,
    ILogger<CartMutations> logger)
{
    /// <summary>A change to apply to a fresh snapshot at <c>now</c>; the returned snapshot must be touched (<see cref="CartRules.Touch"/>).</summary>
    public delegate Outcome<CartSnapshot> Change(CartSnapshot cart, DateTimeOffset now);

    public async Task<Outcome<CartDocument>> MutateAsync(CartTarget target, Change change, IdempotencyContext? idempotency, CancellationToken cancellationToken)
    {
        var (cartId, caller, ifMatch) = target;
        using var queued = await gate.EnterAsync(cartId, cancellationToken);
        var retries = TransactionRetries.Within(options.Value.WriteRetryBudget).Start(time);
        var mayStartFromCache = options.Value.WritesStartFromCache;
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            var cached = mayStartFromCache ? await FindCachedAsync(cartId, caller, ifMatch, now, cancellationToken) : null;
            mayStartFromCache = false;
            metrics.WriteBase(cached is null ? WriteBase.DynamoDb : WriteBase.Cache);
            var cart = cached ?? await store.LoadVisibleAsync(cartId, caller, now, cancellationToken);
            if (cart is null)
            {
                return CartErrors.NotFound();
            }

            if (!ifMatch.Allows(cart.Header.Version))
            {
                return ApiError.PreconditionFailed($"Cart is at version {cart.Header.Version}.");
            }

            var edited = change(cart, now);
            if (!edited.Succeeded)
            {
                if (cached is not null)
                {
                    continue; // the table may say otherwise
                }

                return edited.Error;
            }

            var after = await WithDiscountsAsync(edited.Value, cancellationToken);
            var document = CartRenderer.Render(after);
            var completion = TransactionCompletion.Response(StatusCodes.Status200OK, document, VersionETag.Format(document.Version));
            var result = await store.CommitAsync(CartWrites.Changes(store.TableName, cart, after), idempotency, completion, attempt, cancellationToken);
            switch (result)
            {
                case { Result: CommitResult.Committed }:
                    await PublishAsync(after, document);
                    return document;
                case { Result: CommitResult.KeyTaken }:
                    return IdempotencyErrors.InUse();
                case { Result: CommitResult.ConditionFailed } when cached is not null:
                    metrics.WriteBase(WriteBase.CacheBehind);
                    CartLog.CachedBaseBehind(logger, cartId, cart.Header.Version, attempt);
                    continue;
                case { Throttled: true }:
                    CartLog.WriteThrottled(logger, cartId, attempt);
                    break;
                default:
                    CartLog.VersionConflict(logger, cartId, cart.Header.Version, attempt);
                    break;
            }

            if (!retries.MayRetryAfter(attempt))
            {
                CartLog.WriteGaveUp(logger, cartId, attempt, result);
                return result.Throttled
                    ? CartErrors.Throttled()
                    : ApiError.Conflict("The cart changed concurrently; read it again and retry.");
            }

            await retries.PauseAsync(attempt, result.Throttled, cancellationToken);
        }
    }

    /// <summary>
    /// The whole cart as the cache tiers hold it, when it is one <paramref name="caller"/> may change under
    /// <paramref name="ifMatch"/>; null sends the attempt to DynamoDB, which decides.
    /// </summary>
    private async Task<CartSnapshot?> FindCachedAsync(string cartId, CartCaller caller, IfMatch ifMatch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entry = await reader.FindCurrentAsync(cartId, cancellationToken);
        var cart = entry is null ? null : CachedCartSnapshot.TryRebuild(entry);
        return cart is not null && cart.Header.IsVisibleTo(caller, now) && ifMatch.Allows(cart.Header.Version) ? cart : null;
    }

    /// <summary>The snapshot with its discount lines recomputed from its lines' promo codes and price snapshots.</summary>
    public async Task<CartSnapshot> WithDiscountsAsync(CartSnapshot cart, CancellationToken cancellationToken)
    {
        var codes = cart.Lines.SelectMany(line => line.PromoCodes).ToList();
        var promotions = codes.Count == 0
            ? new Dictionary<string, Promotion>(StringComparer.Ordinal)
            : await catalog.FindPromotionsAsync(codes, cancellationToken);
        return cart with { Discounts = DiscountCalculator.Compute(DiscountCalculator.PriceBySnapshot(cart.Lines), promotions, cart.Header.Currency) };
    }

    /// <summary>
    /// Writes a committed cart through to Redis and announces it to every replica's local tier, in one script. When
    /// that does not take effect (Redis refusing writes, skipped, the connection lost), this replica's own tier drops
    /// the version before it at once: no announcement will, and the next read here must find the commit.
    /// </summary>
    public async Task PublishAsync(CartSnapshot cart, CartDocument document)
    {
        if (await cache.WriteThroughAsync(cart, CartView.Of(document)) is null)
        {
            local.Invalidate(cart.Header.CartId, cart.Header.Version);
        }
    }
}
