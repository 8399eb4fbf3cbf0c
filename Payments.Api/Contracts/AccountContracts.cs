namespace Payments.Api.Contracts;

/// <summary>Body of <c>POST /accounts</c>: the owner is the signed-in user, never a body field.</summary>
internal sealed record CreateAccountRequest(string? Currency);

/// <summary>An account as clients see it; <c>balance</c> is in minor units of <c>currency</c>.</summary>
internal sealed record AccountResponse(
    string AccountId,
    string UserId,
    string Currency,
    long Balance,
    string Status,
    long Version,
    string CreatedAt,
    string UpdatedAt)
{
    public static AccountResponse From(Account account) => new(
        account.AccountId, account.UserId, account.Currency, account.Balance, account.Status, account.Version, account.CreatedAt, account.UpdatedAt);
}

/// <summary>One page of the caller's accounts.</summary>
internal sealed record AccountPage(IReadOnlyList<AccountResponse> Items, string? NextCursor);
