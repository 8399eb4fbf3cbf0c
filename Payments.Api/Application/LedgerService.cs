using Idempotency;

namespace Payments.Api.Application;

/// <summary>
/// Decides the ledger's money movements — deposits, payments, refunds — and commits each as one transaction of the
/// balance change under <see cref="AccountRules"/>, the TXN item, its AUDIT entry and the key's completed record.
/// </summary>
internal sealed class LedgerService(
    AccountStore accounts, TransactionStore transactions, TransactionFinder finder, LedgerWriter writer, PaymentsTableName table, TimeProvider time)
{
    /// <summary>Funds an account: a CREDIT transaction, transacted first and read only to explain a cancellation.</summary>
    public async Task<Outcome<TransactionResponse>> DepositAsync(Deposit command, IdempotencyContext? idempotency, CancellationToken cancellationToken)
    {
        if (!ServerIds.IsWellFormed(command.AccountId))
        {
            return LedgerErrors.AccountNotFound();
        }

        var movement = AccountRules.Credit(command.AccountId, command.UserId, command.Amount, command.Currency);
        var outcome = await writer.ExecuteAsync<TransactionResponse>(idempotency, async (attempt, ct) =>
            await RefusalAfterCancellationAsync(movement, attempt, ct) is { } refused ? refused : PlanDeposit(command, movement), cancellationToken);
        return outcome.Succeeded ? outcome.Value.Body : outcome.Error;
    }

    /// <summary>
    /// Debits the caller's account. A decline (INSUFFICIENT_FUNDS, 422) moves no money but is stored under the key, with
    /// its audit entry, by a second conditional write, so the same request replays as declined even after a top-up.
    /// </summary>
    public async Task<Outcome<TransactionResponse>> PayAsync(Pay command, IdempotencyContext? idempotency, CancellationToken cancellationToken)
    {
        var movement = AccountRules.Debit(command.AccountId, command.UserId, command.Amount, command.Currency);
        var outcome = await writer.ExecuteAsync<TransactionResponse>(idempotency, async (attempt, ct) =>
            await RefusalAfterCancellationAsync(movement, attempt, ct) is { } refused ? refused : PlanPayment(command, movement), cancellationToken);
        if (outcome.Succeeded)
        {
            return outcome.Value.Body;
        }

        if (outcome.Error.Code == LedgerErrors.InsufficientFundsCode)
        {
            await RecordDeclineAsync(command, outcome.Error, idempotency, cancellationToken);
        }

        return outcome.Error;
    }

    /// <summary>
    /// Refunds (part of) a captured payment to its account. The payment's <c>refundedAmount</c> is updated under a
    /// condition on the value read, so concurrent refunds can never exceed the captured amount in total. A payment made
    /// a moment ago is found in the table though GSI1 lags (<see cref="TransactionFinder"/>); a miss that a later look
    /// may not repeat answers 404 without spending the Idempotency-Key: the retry with the same key looks again.
    /// </summary>
    public async Task<Outcome<TransactionResponse>> RefundAsync(Refund command, IdempotencyContext? idempotency, CancellationToken cancellationToken)
    {
        var lookup = await finder.FindOwnedAsync(command.TxnId, command.UserId, cancellationToken);
        if (lookup.Found is not { } located)
        {
            if (lookup.Inconclusive)
            {
                // GSI1 may still be behind further than the strongly consistent search reads. That miss is not this
                // refund's outcome, so its Idempotency-Key is not spent on it and the client's retry runs again.
                idempotency?.MarkInconclusive();
            }

            return LedgerErrors.TransactionNotFound();
        }

        if (located.Kind != TransactionKinds.Payment)
        {
            return LedgerErrors.Field("txnId", "Only payments can be refunded.");
        }

        var outcome = await writer.ExecuteAsync<TransactionResponse>(idempotency, (_, ct) => PlanRefundAsync(command, located, ct), cancellationToken);
        return outcome.Succeeded ? outcome.Value.Body : outcome.Error;
    }

    /// <summary>
    /// The first attempt transacts without reading: the movement's condition holds every rule. Only after a
    /// cancellation does a fresh read say why (insufficient funds, not found, closed) or that a retry may pass.
    /// </summary>
    private async Task<ApiError?> RefusalAfterCancellationAsync(AccountMovement movement, int attempt, CancellationToken cancellationToken) =>
        attempt == 0 ? null : movement.RefusalFor(await accounts.FindOwnedAsync(movement.AccountId, movement.UserId, cancellationToken));

    private LedgerPlan<TransactionResponse> PlanDeposit(Deposit command, AccountMovement movement)
    {
        var now = time.GetUtcTimestamp();
        var txn = new LedgerTransaction(
            Guid.NewGuid().ToString("N"), command.AccountId, command.UserId, TransactionKinds.Deposit, Directions.Credit, command.Amount, command.Currency,
            MerchantId: null, TransactionStatuses.Completed, RefundedAmount: 0, OriginalTxnId: null, command.Description, now);
        var audit = AuditEntry.For(command.AccountId, AuditEvents.DepositReceived, command.UserId, now, txn.TxnId, command.Amount, command.Currency);
        return LedgerMovement.Commit(table.Value, txn, audit, accounts.Move(movement, now));
    }

    private LedgerPlan<TransactionResponse> PlanPayment(Pay command, AccountMovement movement)
    {
        var now = time.GetUtcTimestamp();
        var txn = new LedgerTransaction(
            Guid.NewGuid().ToString("N"), command.AccountId, command.UserId, TransactionKinds.Payment, Directions.Debit, command.Amount, command.Currency,
            command.MerchantId, TransactionStatuses.Captured, RefundedAmount: 0, OriginalTxnId: null, command.Description, now);
        var audit = AuditEntry.For(command.AccountId, AuditEvents.PaymentCaptured, command.UserId, now, txn.TxnId, command.Amount, command.Currency, command.MerchantId);
        return LedgerMovement.Commit(table.Value, txn, audit, accounts.Move(movement, now));
    }

    /// <summary>Reads the payment and the account on every attempt: a refund decides on what is left to refund now.</summary>
    private async Task<LedgerPlan<TransactionResponse>> PlanRefundAsync(Refund command, LedgerTransaction located, CancellationToken cancellationToken)
    {
        var payment = await transactions.ReadAsync(located, cancellationToken);
        if (payment is null)
        {
            return LedgerErrors.TransactionNotFound();
        }

        var amount = command.Amount ?? payment.Refundable;
        if (amount <= 0 || amount > payment.Refundable)
        {
            return LedgerErrors.Field("amount", $"At most {payment.Refundable} minor units of this payment remain refundable.");
        }

        var movement = AccountRules.Refund(payment.AccountId, command.UserId, amount, payment.Currency);
        if (movement.RefusalFor(await accounts.FindOwnedAsync(payment.AccountId, command.UserId, cancellationToken)) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcTimestamp();
        var refund = new LedgerTransaction(
            Guid.NewGuid().ToString("N"), payment.AccountId, command.UserId, TransactionKinds.Refund, Directions.Credit, amount, payment.Currency,
            payment.MerchantId, TransactionStatuses.Completed, RefundedAmount: 0, payment.TxnId, command.Description, now);
        var audit = AuditEntry.For(payment.AccountId, AuditEvents.RefundIssued, command.UserId, now, refund.TxnId, amount, payment.Currency, payment.TxnId);
        return LedgerMovement.Commit(
            table.Value, refund, audit, transactions.RecordRefund(payment, payment.RefundedAmount + amount), accounts.Move(movement, now));
    }

    /// <summary>Stores the decline under the key with its audit entry (the problem exactly as the endpoint answers it).</summary>
    private Task RecordDeclineAsync(Pay command, ApiError declined, IdempotencyContext? idempotency, CancellationToken cancellationToken)
    {
        var audit = AuditEntry.For(
            command.AccountId, AuditEvents.PaymentDeclined, command.UserId, time.GetUtcTimestamp(), amount: command.Amount, currency: command.Currency, detail: command.MerchantId);
        return writer.RecordRefusalAsync(idempotency, AuditItemMapper.Append(table.Value, audit), declined.ToResult().ProblemDetails, cancellationToken);
    }
}
