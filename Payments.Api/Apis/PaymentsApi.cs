using Idempotency;

namespace Payments.Api.Apis;

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
            .ProducesProblemCodes(StatusCodes.Status404NotFound, ErrorCodes.NotFound) // the body's account is none of the caller's
            .WithRequestExample(LedgerExamples.Pay).WithResponseExample(StatusCodes.Status201Created, LedgerExamples.Paid)
            .WithProblemExample(LedgerErrors.InsufficientFunds());
        payments.MapPost("/{txnId}/refunds", RefundAsync).WithName("RefundPayment").WithCallerIdempotency(required: true, KeyClaim.WithTransaction)
            .WithRequestExample(LedgerExamples.PartialRefund).WithResponseExample(StatusCodes.Status201Created, LedgerExamples.Refunded);

        return app;
    }

    /// <summary>Debits the caller's account; a decline (INSUFFICIENT_FUNDS, 422) replays as declined under the same key.</summary>
    public static async Task<Results<Created<TransactionResponse>, ProblemHttpResult>> PayAsync(
        PaymentRequest request, HttpContext http, LedgerService ledger, CancellationToken cancellationToken)
    {
        var errors = PaymentValidation.Validate(request);
        if (!errors.IsEmpty)
        {
            return errors.ToError().ToResult();
        }

        var command = new Pay(http.User.Id(), request.AccountId!, request.Amount!.Value, request.Currency!, request.MerchantId!, request.Description);
        var paid = await ledger.PayAsync(command, http.GetIdempotency(), cancellationToken);
        if (!paid.Succeeded)
        {
            return paid.Error.ToResult();
        }

        Activity.Current?.SetTag("payment.txn_id", paid.Value.TxnId);
        return TypedResults.Created(ResourceLocations.Transaction(paid.Value.TxnId), paid.Value);
    }

    /// <summary>Refunds (part of) a captured payment to its account; concurrent refunds never exceed the captured amount.</summary>
    public static async Task<Results<Created<TransactionResponse>, ProblemHttpResult>> RefundAsync(
        string txnId, RefundRequest request, HttpContext http, LedgerService ledger, CancellationToken cancellationToken)
    {
        var errors = PaymentValidation.Validate(request);
        if (!errors.IsEmpty)
        {
            return errors.ToError().ToResult();
        }

        var refunded = await ledger.RefundAsync(new Refund(http.User.Id(), txnId, request.Amount, request.Description), http.GetIdempotency(), cancellationToken);
        return refunded.Succeeded
            ? TypedResults.Created(ResourceLocations.Transaction(refunded.Value.TxnId), refunded.Value)
            : refunded.Error.ToResult();
    }
}
