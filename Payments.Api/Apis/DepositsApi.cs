using Idempotency;

namespace Payments.Api.Apis;

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
        string accountId, DepositRequest request, HttpContext http, LedgerService ledger, CancellationToken cancellationToken)
    {
        var errors = PaymentValidation.Validate(request);
        if (!errors.IsEmpty)
        {
            return errors.ToError().ToResult();
        }

        var command = new Deposit(http.User.Id(), accountId, request.Amount!.Value, request.Currency!, request.Description);
        var deposited = await ledger.DepositAsync(command, http.GetIdempotency(), cancellationToken);
        return deposited.Succeeded
            ? TypedResults.Created(ResourceLocations.Transaction(deposited.Value.TxnId), deposited.Value)
            : deposited.Error.ToResult();
    }
}
