namespace Payments.Api.Ledger;

/// <summary>The ledger's problems, each with its stable code.</summary>
internal static class LedgerErrors
{
    public const string InsufficientFundsCode = "INSUFFICIENT_FUNDS";

    public static ApiError InsufficientFunds() =>
        new(StatusCodes.Status422UnprocessableEntity, InsufficientFundsCode, "Insufficient funds", "The account balance does not cover this payment.");

    public static ApiError AccountNotFound() => ApiError.NotFound("The account was not found.");

    public static ApiError TransactionNotFound() => ApiError.NotFound("The transaction was not found.");

    public static ApiError AccountNotActive(string status) => ApiError.Conflict($"The account is {status}.");

    public static ApiError Field(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return errors.ToError();
    }

    /// <summary>
    /// Why money cannot move on this account now, or null when it can. Pure: the ledger operations call it on
    /// every attempt's fresh read, so a cancelled transaction turns into the precise reason on the next attempt.
    /// </summary>
    public static ApiError? CheckMovement(Account? account, string userId, string currency, long debit)
    {
        if (account is null || account.UserId != userId)
        {
            return AccountNotFound();
        }

        if (account.Status != AccountStatus.Active)
        {
            return AccountNotActive(account.Status);
        }

        if (account.Currency != currency)
        {
            return Field("currency", $"The account holds {account.Currency}.");
        }

        if (debit > 0 && account.Balance < debit)
        {
            return InsufficientFunds();
        }

        return null;
    }
}
