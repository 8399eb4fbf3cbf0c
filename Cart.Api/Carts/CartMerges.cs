using Cart.Api.Contracts;
using Cart.Api.Model;
using Cart.Api.Storage;
using Idempotency;

namespace Cart.Api.Carts;

/// <summary>
/// Attaching a guest cart to the signed-in user: adopted as the user's cart when the user has no open one, otherwise
/// folded into it (<see cref="MergeCombiner"/>) — either way one <c>TransactWriteItems</c> that also moves the USER
/// pointer, deletes the DEVICE pointer and marks the guest MERGED, conditioned on both versions read. A lost race
/// is a 409: the guest was merged by someone else, or one of the carts changed; the client reads again and retries.
/// An attempt that wrote nothing for a passing reason (throttled, or colliding with another transaction) is planned
/// again from fresh reads within the write retry budget, as every cart write is; past it, a 503 (throttled) or a 409.
/// </summary>
internal sealed class CartMerges(CartStore store, CartMutations mutations, CartWriteGate gate, IOptions<CartOptions> options, TimeProvider time)
{
    private const int MaxTransactionItems = 100;
    private const string LostRace = "The carts changed while merging (another merge may have won); read your cart again and retry.";

    public async Task<Outcome<CartDocument>> MergeAsync(MergeCarts command, IdempotencyContext? idempotency, CancellationToken cancellationToken)
    {
        using var queued = await gate.EnterAsync(command.GuestCartId, cancellationToken);
        var retries = TransactionRetries.Within(options.Value.WriteRetryBudget).Start(time);
        for (var attempt = 1; ; attempt++)
        {
            var (answer, commit) = await AttemptAsync(command, idempotency, attempt, cancellationToken);
            if (answer is { } done)
            {
                return done;
            }

            // Nothing was written (throttled, or a transaction collided with ours): plan again from fresh reads, within the budget.
            if (!retries.MayRetryAfter(attempt))
            {
                return commit.Throttled ? CartErrors.Throttled() : ApiError.Conflict(LostRace);
            }

            await retries.PauseAsync(attempt, commit.Throttled, cancellationToken);
        }
    }

    /// <summary>One attempt from fresh reads: the answer, or none when the commit wrote nothing and may be tried again.</summary>
    private async Task<(Outcome<CartDocument>? Answer, CommitOutcome Commit)> AttemptAsync(
        MergeCarts command, IdempotencyContext? idempotency, int attempt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var guest = await store.LoadVisibleAsync(command.GuestCartId, command.Caller, now, cancellationToken);
        if (guest is null)
        {
            return (CartErrors.NotFound(), default);
        }

        if (guest.Header.Status == CartStatus.Merged)
        {
            return (ApiError.Conflict("The guest cart was already merged; read your cart again."), default);
        }

        if (guest.Header.UserId == command.UserId && guest.Header.Status == CartStatus.Open)
        {
            return (CartRenderer.Render(guest), default); // already this user's cart: attaching again changes nothing
        }

        if (CartRules.RejectIfClosed(guest.Header) is { } closed)
        {
            return (closed, default);
        }

        var plan = await PlanAsync(guest, command.UserId, now, cancellationToken);
        if (!plan.Succeeded)
        {
            return (plan.Error, default);
        }

        return await CommitAsync(plan.Value, idempotency, attempt, cancellationToken);
    }

    /// <summary>The transaction that adopts or merges the guest, with the pointers it moves, or why it cannot be one.</summary>
    private async Task<Outcome<MergePlan>> PlanAsync(CartSnapshot guest, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Both pointers in one round trip; the transaction's conditions still guard them against a later change.
        var guestCartId = guest.Header.CartId;
        var userPk = CartKeys.UserPk(userId);
        var devicePk = guest.Header.DeviceId is { } deviceId ? CartKeys.DevicePk(deviceId) : null;
        var pointers = await store.FindActiveCartIdsAsync(devicePk is null ? [userPk] : [userPk, devicePk], cancellationToken);
        var pointer = pointers.GetValueOrDefault(userPk);
        var devicePointer = devicePk is null ? null : pointers.GetValueOrDefault(devicePk);
        var target = pointer is not null && pointer != guestCartId ? await store.LoadAsync(pointer, cancellationToken) : null;

        var plan = target is { Header.Status: CartStatus.Open }
            ? await FoldIntoAsync(guest, target, userId, now, cancellationToken)
            : Adopt(guest, userId, pointer, now);
        if (!plan.Succeeded)
        {
            return plan.Error;
        }

        if (devicePointer == guestCartId)
        {
            plan.Value.Items.Add(CartWrites.DeleteDevicePointer(store.TableName, guest.Header.DeviceId!, guestCartId));
        }

        if (plan.Value.Items.Count + 1 > MaxTransactionItems)
        {
            return ApiError.Validation(new Dictionary<string, string[]>
            {
                ["guestCartId"] = ["These carts are too large to merge in one step; remove some lines first."],
            });
        }

        return plan;
    }

    /// <summary>
    /// Commits the plan with the Idempotency-Key's completion, then writes every cart it touched through to the cache;
    /// no answer when the commit wrote nothing and may be tried again.
    /// </summary>
    private async Task<(Outcome<CartDocument>? Answer, CommitOutcome Commit)> CommitAsync(
        MergePlan plan, IdempotencyContext? idempotency, int attempt, CancellationToken cancellationToken)
    {
        var document = CartRenderer.Render(plan.Result);
        var completion = TransactionCompletion.Response(StatusCodes.Status200OK, document, VersionETag.Format(document.Version));
        var commit = await store.CommitAsync(plan.Items, idempotency, completion, attempt, cancellationToken);
        switch (commit)
        {
            case { Result: CommitResult.Committed }:
                foreach (var cart in plan.Touched)
                {
                    await mutations.PublishAsync(cart, CartRenderer.Render(cart));
                }

                return (document, commit);
            case { Result: CommitResult.KeyTaken }:
                return (IdempotencyErrors.InUse(), commit);
            case { Result: CommitResult.Retryable }:
                return (null, commit);
            default:
                return (ApiError.Conflict(LostRace), commit);
        }
    }

    /// <summary>The guest becomes the user's cart: owned by the user, never expiring, pointed at by the user.</summary>
    private Outcome<MergePlan> Adopt(CartSnapshot guest, string userId, string? pointer, DateTimeOffset now)
    {
        var header = CartRules.Touch(guest.Header, now, options.Value.GuestCartLifetime) with { UserId = userId, Ttl = null };
        var adopted = guest with { Header = header };
        var items = CartWrites.Changes(store.TableName, guest, adopted);
        items.Add(CartWrites.MoveUserPointer(store.TableName, userId, guest.Header.CartId, header.UpdatedAt, pointer));
        return new MergePlan(items, adopted, [adopted]);
    }

    /// <summary>The guest's lines folded into the user's open cart (<see cref="MergeCombiner"/>), and the guest marked MERGED.</summary>
    private async Task<Outcome<MergePlan>> FoldIntoAsync(CartSnapshot guest, CartSnapshot target, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (guest.Header.Currency != target.Header.Currency)
        {
            return ApiError.Validation(new Dictionary<string, string[]>
            {
                ["guestCartId"] = [$"The guest cart is in {guest.Header.Currency}; your cart is in {target.Header.Currency}."],
            });
        }

        var lines = MergeCombiner.Combine(target.Lines, guest.Lines);
        if (lines.Count > CartRules.MaxLines)
        {
            return ApiError.Validation(new Dictionary<string, string[]>
            {
                ["guestCartId"] = [$"Together the carts would hold {lines.Count} lines; at most {CartRules.MaxLines}."],
            });
        }

        var lifetime = options.Value.GuestCartLifetime;
        var merged = await mutations.WithDiscountsAsync(target with { Header = CartRules.Touch(target.Header, now, lifetime), Lines = lines }, cancellationToken);
        var mergedGuest = guest with
        {
            Header = CartRules.Touch(guest.Header, now, lifetime) with { Status = CartStatus.Merged, MergedInto = target.Header.CartId },
        };

        var items = CartWrites.Changes(store.TableName, target, merged);
        items.Add(new TransactWriteItem { Put = CartWrites.HeaderPut(store.TableName, mergedGuest.Header, guest.Header.Version) });
        items.Add(CartWrites.MoveUserPointer(store.TableName, userId, target.Header.CartId, merged.Header.UpdatedAt, target.Header.CartId));
        return new MergePlan(items, merged, [merged, mergedGuest]);
    }

    private sealed record MergePlan(List<TransactWriteItem> Items, CartSnapshot Result, IReadOnlyList<CartSnapshot> Touched);
}
