namespace Payments.Api.Application;

/// <summary>Open an ACTIVE account with a zero balance for <paramref name="UserId"/>.</summary>
internal sealed record OpenAccount(string UserId, string Currency);

/// <summary>Close an empty account; <paramref name="IfMatch"/> says whether the request's <c>If-Match</c> allows a version.</summary>
internal sealed record CloseAccount(string UserId, string AccountId, Predicate<long> IfMatch);

/// <summary>Fund an account with <paramref name="Amount"/> minor units of <paramref name="Currency"/>.</summary>
internal sealed record Deposit(string UserId, string AccountId, long Amount, string Currency, string? Description);

/// <summary>Debit the user's account to pay a merchant.</summary>
internal sealed record Pay(string UserId, string AccountId, long Amount, string Currency, string MerchantId, string? Description);

/// <summary>Give back (part of) a captured payment; without <paramref name="Amount"/>, everything not yet refunded.</summary>
internal sealed record Refund(string UserId, string TxnId, long? Amount, string? Description);
