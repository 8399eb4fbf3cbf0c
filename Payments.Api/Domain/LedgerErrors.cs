namespace Payments.Api.Domain;

/// <summary>The ledger's problems, each with its stable code.</summary>
internal static class LedgerErrors
{
    public const string InsufficientFundsCode = "INSUFFICIENT_FUNDS";

    public static ApiError InsufficientFunds() =>
        new(StatusCodes.Status422UnprocessableEntity, InsufficientFundsCode, "Insufficient funds", "The account balance does not cover this payment.");

    public static ApiError AccountNotFound() => ApiError.NotFound("The account was not found.");

    public static ApiError TransactionNotFound() => ApiError.NotFound("The transaction was not found.");

    /// <summary>
    /// The account's status refuses the change: a 422 on the account, not a 409 — nothing raced, and the same request
    /// will be refused again (a caller that retries a 409 would retry it forever).
    /// </summary>
    public static ApiError AccountNotActive(string status) => Field("accountId", $"The account is {status}.");

    public static ApiError Field(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return errors.ToError();
    }
}
