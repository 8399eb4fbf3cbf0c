using Idempotency;

namespace Payments.Api.Payments;

/// <summary>
/// <c>POST /payments</c> (Idempotency-Key required) and refunds: each one <c>TransactWriteItems</c> of the key's
/// completed record, the balance change under its condition, the <c>TXN#</c> item and the <c>AUDIT#</c> item.
/// </summary>
internal static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var payments = app.MapGroup("/payments").WithTags("Payments").RequireAuthorization(Caller.SignedInPolicy);

        payments.MapPost("", PayAsync).WithName("CreatePayment").WithCallerIdempotency(required: true, KeyClaim.WithTransaction)
            .ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, LedgerErrors.InsufficientFundsCode)
            .WithRequestExample(LedgerExamples.Pay).WithResponseExample(StatusCodes.Status201Created, LedgerExamples.Paid)
            .WithProblemExample(LedgerErrors.InsufficientFunds());
        payments.MapPost("/{txnId}/refunds", RefundAsync).WithName("RefundPayment").WithCallerIdempotency(required: true, KeyClaim.WithTransaction);

        return app;
    }

    /// <summary>
    /// Debits the caller's account. A decline (INSUFFICIENT_FUNDS, 422) moves no money but is stored under the key, with
    /// its audit entry, by a second conditional write, so the same request replays as declined even after a top-up.
    /// </summary>
    public static async Task<Results<Created<TransactionResponse>, ProblemHttpResult>> PayAsync(
        PaymentRequest request, HttpContext http, [AsParameters] LedgerServices services, CancellationToken cancellationToken)
    {
        var errors = PaymentValidation.Validate(request);
        if (!errors.IsEmpty)
        {
            return errors.ToError().ToResult();
        }

        var userId = http.User.Id();
        var (accountId, amount, currency, merchantId) = (request.AccountId!, request.Amount!.Value, request.Currency!, request.MerchantId!);
        var outcome = await services.Writer.ExecuteAsync<TransactionResponse>(http.GetIdempotency(), async (attempt, ct) =>
        {
            // The first attempt transacts without reading: the debit's condition holds every rule. Only after a
            // cancellation does a fresh read say why (insufficient funds, not found, closed) or that a retry may pass.
            if (attempt > 0
                && LedgerErrors.CheckMovement(await services.Accounts.FindOwnedAsync(accountId, userId, ct), userId, currency, amount) is { } refused)
            {
                return refused;
            }

            var now = services.Time.GetUtcTimestamp();
            var txn = new LedgerTransaction(
                Guid.NewGuid().ToString("N"), accountId, userId, TransactionKinds.Payment, Directions.Debit, amount, currency,
                merchantId, TransactionStatuses.Captured, RefundedAmount: 0, OriginalTxnId: null, request.Description, now);
            var audit = AuditEntry.For(accountId, AuditEvents.PaymentCaptured, userId, now, txn.TxnId, amount, currency, merchantId);
            return LedgerMovement.Commit(services.Table.Value, txn, audit, services.Accounts.Debit(accountId, userId, amount, currency, now));
        }, cancellationToken);

        if (outcome.Succeeded)
        {
            Activity.Current?.SetTag("payment.txn_id", outcome.Value.Body.TxnId);
            return TypedResults.Created(outcome.Value.Location, outcome.Value.Body);
        }

        var refused = outcome.Error.ToResult();
        if (outcome.Error.Code == LedgerErrors.InsufficientFundsCode)
        {
            var declined = AuditEntry.For(accountId, AuditEvents.PaymentDeclined, userId, services.Time.GetUtcTimestamp(), amount: amount, currency: currency, detail: merchantId);
            await services.Writer.RecordRefusalAsync(http.GetIdempotency(), declined.ToPut(services.Table.Value), refused.ProblemDetails, cancellationToken);
        }

        return refused;
    }

    /// <summary>
    /// Refunds (part of) a captured payment to its account. The payment's <c>refundedAmount</c> is updated under a
    /// condition on the value read, so concurrent refunds can never exceed the captured amount in total.
    /// </summary>
    public static async Task<Results<Created<TransactionResponse>, ProblemHttpResult>> RefundAsync(
        string txnId, RefundRequest request, HttpContext http, [AsParameters] LedgerServices services, CancellationToken cancellationToken)
    {
        var errors = PaymentValidation.Validate(request);
        if (!errors.IsEmpty)
        {
            return errors.ToError().ToResult();
        }

        var userId = http.User.Id();
        var located = await services.Transactions.FindOwnedAsync(txnId, userId, cancellationToken);
        if (located is null)
        {
            return LedgerErrors.TransactionNotFound().ToResult();
        }

        if (located.Kind != TransactionKinds.Payment)
        {
            return LedgerErrors.Field("txnId", "Only payments can be refunded.").ToResult();
        }

        var outcome = await services.Writer.ExecuteAsync<TransactionResponse>(http.GetIdempotency(), async (_, ct) =>
        {
            var payment = await services.Transactions.ReadAsync(located, ct);
            if (payment is null)
            {
                return LedgerErrors.TransactionNotFound();
            }

            var amount = request.Amount ?? payment.Refundable;
            if (amount <= 0 || amount > payment.Refundable)
            {
                return LedgerErrors.Field("amount", $"At most {payment.Refundable} minor units of this payment remain refundable.");
            }

            var account = await services.Accounts.FindOwnedAsync(payment.AccountId, userId, ct);
            if (account is null)
            {
                return LedgerErrors.AccountNotFound();
            }

            if (account.Status == AccountStatus.Closed)
            {
                return LedgerErrors.AccountNotActive(account.Status);
            }

            var now = services.Time.GetUtcTimestamp();
            var refund = new LedgerTransaction(
                Guid.NewGuid().ToString("N"), payment.AccountId, userId, TransactionKinds.Refund, Directions.Credit, amount, payment.Currency,
                payment.MerchantId, TransactionStatuses.Completed, RefundedAmount: 0, payment.TxnId, request.Description, now);
            var audit = AuditEntry.For(payment.AccountId, AuditEvents.RefundIssued, userId, now, refund.TxnId, amount, payment.Currency, payment.TxnId);
            return LedgerMovement.Commit(
                services.Table.Value,
                refund,
                audit,
                services.Transactions.RecordRefund(payment, payment.RefundedAmount + amount),
                services.Accounts.Refund(payment.AccountId, userId, amount, payment.Currency, now));
        }, cancellationToken);

        return outcome.Succeeded
            ? TypedResults.Created(outcome.Value.Location, outcome.Value.Body)
            : outcome.Error.ToResult();
    }
}
