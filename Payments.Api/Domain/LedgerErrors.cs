namespace Payments.Api.Domain;

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
}
