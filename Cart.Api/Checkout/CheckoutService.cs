using Cart.Api.Carts;
using Cart.Api.Contracts;
using Cart.Api.Model;
using Cart.Api.Storage;
using Idempotency;

namespace Cart.Api.Checkout;

/// <summary>
/// Checkout as a small saga on the cart's own header: (1) OPEN → CHECKING_OUT with every line re-priced from the
/// catalog and the discounts recomputed — from here the cart accepts no changes — and, in the same transaction, the
/// hold taken: the delivery slot booked (capacity counter + one booking per cart) and every stocked line's units
/// reserved from its shards; (2) PENDING → PAYING (the hold can no longer expire), then pay through Payments.Api with
/// the Idempotency-Key <c>checkout-&lt;cartId&gt;-v&lt;version&gt;</c> of that state; (3) CHECKED_OUT with the payment
/// recorded (and this request's Idempotency-Key completed in the same transaction). A crash or a timeout between the
/// steps leaves CHECKING_OUT, and any retry resumes with the same payment key: never two charges. A declined payment,
/// or a hold that expired before payment started, reopens the cart and returns the hold in one transaction. Once it
/// has the cart, a checkout runs to its end whether or not its caller still waits (<see cref="RunsToItsEnd"/>).
/// </summary>
internal sealed class CheckoutService(
    CartStore store,
    CartMutations mutations,
    CatalogStore catalog,
    CheckoutHolds holds,
    HoldCommits holdCommits,
    CheckoutReleases releases,
    SlotReclaimer reclaimer,
    PaymentsClient payments,
    CartWriteGate gate,
    DynamoDbAdmission admission,
    IOptions<CartOptions> options,
    TimeProvider time,
    ILogger<CheckoutService> logger)
{
    /// <summary>
    /// What a checkout runs under once it has the cart, instead of the request's token: a caller that hangs up (a closed
    /// tab, the gateway giving up) must not stop it between its writes, leaving the cart CHECKING_OUT with the payment
    /// perhaps taken and nothing to settle it but a retry that may never come. Every step is bounded on its own (the
    /// DynamoDB client's attempt timeouts, the write retry budget, the Payments.Api client's resilience timeouts).
    /// </summary>
    private static readonly CancellationToken RunsToItsEnd = CancellationToken.None;

    public async Task<Outcome<CheckoutResponse>> CheckoutAsync(CheckOut command, IdempotencyContext? idempotency, CancellationToken cancellationToken)
    {
        var ((cartId, caller, ifMatch), accountId, slot, authorization) = command;
        using var queued = await gate.EnterAsync(cartId, cancellationToken); // the caller may give up while queued: nothing has happened yet
        var retries = TransactionRetries.Within(options.Value.WriteRetryBudget).Start(time);
        var retry = new RetryCause();
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            var cart = await store.LoadVisibleAsync(cartId, caller, now, RunsToItsEnd);
            if (cart is null)
            {
                return CartErrors.NotFound();
            }

            Outcome<CheckoutResponse>? answer = cart.Header.Status switch
            {
                CartStatus.CheckedOut => Respond(cart), // a retried checkout answers as the first did
                CartStatus.CheckingOut when !cart.Header.Payment!.MayBeResumedBy(caller.UserId) => CheckoutErrors.PaidByAnother(),
                CartStatus.CheckingOut => await PayAsync(cart, authorization, idempotency, attempt, RunsToItsEnd),
                CartStatus.Open when !ifMatch.Allows(cart.Header.Version) => ApiError.PreconditionFailed($"Cart is at version {cart.Header.Version}."),
                CartStatus.Open => await FreezeAndPayAsync(cart, accountId, caller.UserId, slot, now, authorization, idempotency, attempt, retry, RunsToItsEnd),
                _ => ApiError.Conflict($"Cart is {cart.Header.Status} and cannot be checked out."),
            };
            if (answer is { } done)
            {
                return done;
            }

            if (retry.Throttled)
            {
                CartLog.WriteThrottled(logger, cartId, attempt);
            }
            else
            {
                CartLog.VersionConflict(logger, cartId, cart.Header.Version, attempt);
            }

            if (!retries.MayRetryAfter(attempt))
            {
                // Nothing was applied either way; throttling is DynamoDB's, so the client retries later with the same key.
                return retry.Throttled ? CartErrors.Throttled() : ApiError.Conflict("The cart changed concurrently; read it again and retry.");
            }

            await retries.PauseAsync(attempt, retry.Throttled, RunsToItsEnd);
        }
    }

    /// <summary>Step 1, then step 2; null when the cart, the slot's counter or a stock shard moved under us (read again).</summary>
    private async Task<Outcome<CheckoutResponse>?> FreezeAndPayAsync(
        CartSnapshot cart, string accountId, string? payerId, SlotId? slot, DateTimeOffset now, string? authorization, IdempotencyContext? idempotency, int attempt, RetryCause retry, CancellationToken cancellationToken)
    {
        retry.Throttled = false;
        if (cart.Lines.Count == 0)
        {
            return ApiError.Validation(new Dictionary<string, string[]> { ["items"] = ["The cart is empty."] });
        }

        var products = await catalog.FindProductsAsync(cart.Lines.Select(line => line.Sku), cancellationToken);
        var repriced = CheckoutPricing.Reprice(cart, products);
        if (!repriced.Succeeded)
        {
            return repriced.Error;
        }

        var priced = await mutations.WithDiscountsAsync(repriced.Value, cancellationToken);
        var total = CartRenderer.Totals(priced).Total;
        if (total <= 0)
        {
            // Payments.Api takes amounts of 1 or more: refused here, before anything is held, on the cart's own terms.
            return ApiError.Validation(new Dictionary<string, string[]> { ["total"] = ["Nothing to pay: the discounts cover the whole cart, and a checkout needs an amount to charge."] });
        }

        var prepared = await holds.PrepareAsync(priced, products, slot, now, cancellationToken);
        if (!prepared.Succeeded)
        {
            return prepared.Error;
        }

        // Nothing to hold (no slot, no stocked line): the checkout is as it always was, with nothing to expire.
        var hold = prepared.Value is { Slot: null, Reservations.Count: 0 } ? null : prepared.Value;

        var frozen = Freeze(cart.Header, priced, total, accountId, payerId, hold, now);

        // One transaction: the cart's changes, then the slot's counter and booking, then one decrement per stock take.
        var items = CartWrites.Changes(store.TableName, cart, frozen);
        var slotCounter = items.Count;
        if (hold is not null)
        {
            items.AddRange(HoldWrites.Take(store.TableName, cart.Header.CartId, hold, now.ToUtcTimestamp()));
        }

        if (items.Count > HoldWrites.TransactionItemLimit)
        {
            return CheckoutErrors.TooLarge(items.Count);
        }

        var commit = await holdCommits.CommitAsync(items, hold, products, attempt, cancellationToken);
        if (commit.Result != CommitResult.Committed)
        {
            retry.Throttled = commit.Throttled;
            // A full (or unknown) slot by its counter: reclaim expired holds and retry, or refuse. Anything else: read again.
            if (slot is not null && commit.FailedItem == slotCounter && await reclaimer.ReclaimOrRefuseAsync(slot, now, cancellationToken) is { } refused)
            {
                return refused;
            }

            return null;
        }

        await mutations.PublishAsync(frozen, CartRenderer.Render(frozen));
        return await PayAsync(frozen, authorization, idempotency, attempt, cancellationToken);
    }

    /// <summary>
    /// Step 1's cart: re-priced, CHECKING_OUT with its payment PENDING for <paramref name="total"/> from
    /// <paramref name="payerId"/>'s account, holding what <paramref name="hold"/> took.
    /// </summary>
    private CartSnapshot Freeze(CartHeader read, CartSnapshot priced, long total, string accountId, string? payerId, CheckoutHold? hold, DateTimeOffset now) => priced with
    {
        Header = CartRules.Touch(read, now, options.Value.GuestCartLifetime) with
        {
            Status = CartStatus.CheckingOut,
            Payment = new CheckoutPayment(null, PaymentStatus.Pending, accountId, total, payerId),
            Hold = hold,
        },
    };

    /// <summary>
    /// Step 2 and 3 for a frozen (CHECKING_OUT) cart; null when the cart moved under us (read again). The cart holds
    /// stock and a slot place from step 1 on, so none of these calls is shed: shedding them would keep the hold, not end it.
    /// </summary>
    private async Task<Outcome<CheckoutResponse>?> PayAsync(
        CartSnapshot cart, string? authorization, IdempotencyContext? idempotency, int attempt, CancellationToken cancellationToken)
    {
        using var finishing = admission.FinishingWork();
        if (cart.Header is { Payment.Status: PaymentStatus.Pending, Hold: { } hold })
        {
            if (hold.IsExpiredAt(time.GetUtcNow()))
            {
                if (await releases.ReopenAsync(cart, expiredBy: null, cancellationToken))
                {
                    return CheckoutErrors.Expired();
                }

                return null;
            }

            if (await StartPayingAsync(cart, hold, attempt, cancellationToken) is not { } paying)
            {
                return null;
            }

            cart = paying;
        }

        var pending = cart.Header.Payment ?? throw new InvalidDataException($"Cart {cart.Header.CartId} is checking out without a payment.");
        var key = $"checkout-{cart.Header.CartId}-v{cart.Header.Version}";
        var request = new PaymentRequest(pending.AccountId, pending.Amount, cart.Header.Currency, options.Value.MerchantId);
        var outcome = await payments.PayAsync(request, key, authorization, cancellationToken);
        CartLog.PaymentAnswered(logger, cart.Header.CartId, key, outcome.GetType().Name);
        return await SettleAsync(cart, pending, outcome, idempotency, attempt, cancellationToken);
    }

    /// <summary>Step 3: what Payments.Api answered, recorded on the cart (CHECKED_OUT, or open again); null when the cart moved under us.</summary>
    private async Task<Outcome<CheckoutResponse>?> SettleAsync(
        CartSnapshot cart, CheckoutPayment pending, PaymentOutcome outcome, IdempotencyContext? idempotency, int attempt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var next = CartRules.Touch(cart.Header, now, options.Value.GuestCartLifetime);
        switch (outcome)
        {
            case PaymentOutcome.Paid paid:
                var done = cart with { Header = next with { Status = CartStatus.CheckedOut, Ttl = null, Payment = pending with { TxnId = paid.TxnId, Status = paid.Status } } };
                var response = Respond(done);
                var completion = TransactionCompletion.Response(StatusCodes.Status200OK, response, VersionETag.Format(done.Header.Version));
                switch (await store.CommitAsync(CartWrites.Changes(store.TableName, cart, done), idempotency, completion, attempt, cancellationToken))
                {
                    case { Result: CommitResult.Committed }:
                        await mutations.PublishAsync(done, CartRenderer.Render(done));
                        return response;
                    case { Result: CommitResult.KeyTaken }:
                        return IdempotencyErrors.InUse();
                    default:
                        return null;
                }

            case PaymentOutcome.Declined declined:
                await releases.ReopenAsync(cart, expiredBy: null, cancellationToken);
                return CheckoutErrors.PaymentDeclined(declined.Detail);
            case PaymentOutcome.Rejected { Code: not IdempotencyErrors.KeyReused } rejected:
                await releases.ReopenAsync(cart, expiredBy: null, cancellationToken);
                return ApiError.Validation(new Dictionary<string, string[]>
                {
                    ["accountId"] = [$"Payments.Api refused the payment ({rejected.Status} {rejected.Code}): {rejected.Detail}"],
                });
            case PaymentOutcome.InProgress:
                return null; // a concurrent checkout of this cart is paying with the same key: read again, then replay its outcome
            case PaymentOutcome.Rejected:
                return ApiError.Conflict("The payment for this checkout is still being processed; retry shortly.");
            default:
                return new ApiError(
                    StatusCodes.Status503ServiceUnavailable,
                    ErrorCodes.ServiceUnavailable,
                    "Service Unavailable",
                    "Payments did not answer; the checkout is pending and a retry completes it without charging twice.");
        }
    }

    /// <summary>
    /// PENDING → PAYING, with the slot's booking confirmed in the same transaction: from here the hold is kept until
    /// Payments.Api answers (the payment may be taken), so an expiry can never release what was paid for.
    /// </summary>
    private async Task<CartSnapshot?> StartPayingAsync(CartSnapshot cart, CheckoutHold hold, int attempt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var paying = cart with
        {
            Header = CartRules.Touch(cart.Header, now, options.Value.GuestCartLifetime) with { Payment = cart.Header.Payment! with { Status = PaymentStatus.Paying } },
        };
        var items = CartWrites.Changes(store.TableName, cart, paying);
        if (hold.Slot is { } slot)
        {
            items.Add(SlotWrites.Confirm(store.TableName, slot, cart.Header.CartId, now.ToUtcTimestamp()));
        }

        return (await store.CommitAsync(items, idempotency: null, completion: null, attempt, cancellationToken)).Result == CommitResult.Committed ? paying : null;
    }

    private static CheckoutResponse Respond(CartSnapshot cart)
    {
        var payment = cart.Header.Payment!;
        return new CheckoutResponse(
            cart.Header.CartId,
            cart.Header.Status,
            cart.Header.Version,
            CartRenderer.Totals(cart),
            new CheckoutPaymentDocument(payment.TxnId ?? string.Empty, payment.Status, payment.AccountId, payment.Amount, cart.Header.Currency))
        {
            SlotId = cart.Header.Hold?.Slot?.ToString(),
        };
    }

    /// <summary>Why the last attempt asks for another: a lost race (read again soon) or throttling (back off, then 503).</summary>
    private sealed class RetryCause
    {
        public bool Throttled { get; set; }
    }
}
