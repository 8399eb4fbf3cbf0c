namespace Payments.Api.Accounts;

/// <summary>Body of <c>POST /accounts</c>; the user id moves to the bearer token once authentication lands.</summary>
internal sealed record CreateAccountRequest(string? UserId, string? Currency);

/// <summary>An account as clients see it.</summary>
internal sealed record AccountResponse(
    string AccountId,
    string UserId,
    string Currency,
    long Balance,
    string Status,
    long Version,
    string CreatedAt)
{
    public static AccountResponse From(Account account) => new(
        account.AccountId, account.UserId, account.Currency, account.Balance, account.Status, account.Version, account.CreatedAt);
}
