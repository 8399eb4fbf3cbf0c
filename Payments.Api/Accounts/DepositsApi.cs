using Idempotency;

namespace Payments.Api.Accounts;

/// <summary><c>POST /accounts/{id}/deposits</c> (Idempotency-Key required): how an account is funded.</summary>
internal static class DepositsApi
{
    public static IEndpointRouteBuilder MapDepositsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/accounts/{accountId}/deposits", DepositAsync)
            .WithTags("Accounts")
            .WithName("Deposit")
            .RequireAuthorization(Caller.SignedInPolicy)
            .WithCallerIdempotency(required: true, KeyClaim.WithTransaction)
            .WithRequestExample(LedgerExamples.Deposit).WithResponseExample(StatusCodes.Status201Created, LedgerExamples.Deposited);
        return app;
    }

    /// <summary>Funds an account: a CREDIT transaction and its audit entry, in one transaction with the key's record.</summary>
    public static async Task<Results<Created<TransactionResponse>, ProblemHttpResult>> DepositAsync(
        string accountId, DepositRequest request, HttpContext http, [AsParameters] LedgerServices services, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        Money.ValidateAmount(request.Amount, "amount", errors);
        Money.ValidateCurrency(request.Currency, "currency", errors);
        PaymentValidation.ValidateDescription(request.Description, errors);
        if (!errors.IsEmpty)
        {
            return errors.ToError().ToResult();
        }

        if (!AccountValidation.IsAccountId(accountId))
        {
            return LedgerErrors.AccountNotFound().ToResult();
        }

        var userId = http.User.Id();
        var amount = request.Amount!.Value;
        var currency = request.Currency!;
        var outcome = await services.Writer.ExecuteAsync<TransactionResponse>(http.GetIdempotency(), async (attempt, ct) =>
        {
            // As with payments: transact first, read only to explain a cancellation.
            if (attempt > 0)
            {
                var account = await services.Accounts.FindOwnedAsync(accountId, userId, ct);
                if (LedgerErrors.CheckMovement(account, userId, currency, debit: 0) is { } refused)
                {
                    return refused;
                }

                if (account!.Balance > Money.MaxBalance - amount)
                {
                    return LedgerErrors.Field("amount", "The deposit would take the balance above its ceiling.");
                }
            }

            var now = services.Time.GetUtcTimestamp();
            var txn = new LedgerTransaction(
                Guid.NewGuid().ToString("N"), accountId, userId, TransactionKinds.Deposit, Directions.Credit, amount, currency,
                MerchantId: null, TransactionStatuses.Completed, RefundedAmount: 0, OriginalTxnId: null, request.Description, now);
            var audit = AuditEntry.For(accountId, AuditEvents.DepositReceived, userId, now, txn.TxnId, amount, currency);
            return LedgerMovement.Commit(services.Table.Value, txn, audit, services.Accounts.Credit(accountId, userId, amount, currency, now));
        }, cancellationToken);

        return outcome.Succeeded
            ? TypedResults.Created(outcome.Value.Location, outcome.Value.Body)
            : outcome.Error.ToResult();
    }
}
