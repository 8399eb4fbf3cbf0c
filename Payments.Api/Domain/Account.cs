namespace Payments.Api.Domain;

/// <summary>An account: a balance in minor units of one currency, owned by one user.</summary>
internal sealed record Account(
    string AccountId,
    string UserId,
    string Currency,
    long Balance,
    string Status,
    long Version,
    string CreatedAt,
    string UpdatedAt);

/// <summary>The states of an account.</summary>
internal static class AccountStatus
{
    public const string Active = AccountStatuses.Active;
    public const string Frozen = AccountStatuses.Frozen;
    public const string Closed = AccountStatuses.Closed;
}
