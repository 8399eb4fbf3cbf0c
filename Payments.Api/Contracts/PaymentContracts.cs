namespace Payments.Api.Contracts;

/// <summary>Body of <c>POST /payments</c>: debit <c>amount</c> minor units of <c>currency</c> from the caller's account to a merchant.</summary>
internal sealed record PaymentRequest(string? AccountId, long? Amount, string? Currency, string? MerchantId, string? Description);

/// <summary>Body of <c>POST /payments/{txnId}/refunds</c>; without <c>amount</c>, everything not yet refunded.</summary>
internal sealed record RefundRequest(long? Amount, string? Description);
