using Cart.Api.Model;

namespace Cart.Api.Contracts;

/// <summary>
/// Body of <c>POST /carts/{cartId}/checkout</c>: the Payments.Api account to charge and, optionally, the delivery slot
/// to book (<c>yyyy-MM-dd-HHmm</c>, from <c>GET /delivery-slots</c>).
/// </summary>
internal sealed record CheckoutRequest(string? AccountId, string? SlotId = null);

/// <summary>Response of a checkout: the cart as charged, the payment that paid for it and the delivery slot it booked.</summary>
internal sealed record CheckoutResponse(string CartId, string Status, long Version, CartTotals Totals, CheckoutPaymentDocument Payment)
{
    public string? SlotId { get; init; }
}

internal sealed record CheckoutPaymentDocument(string TxnId, string Status, string AccountId, long Amount, string Currency);

/// <summary>Payments.Api's <c>POST /payments</c> body (DESIGN §5).</summary>
internal sealed record PaymentRequest(string AccountId, long Amount, string Currency, string MerchantId);

/// <summary>The part of Payments.Api's payment response the cart keeps.</summary>
internal sealed record PaymentResponse(string? TxnId, string? Status);

/// <summary>The problem details Payments.Api answers with (its <c>code</c> decides what the cart does).</summary>
internal sealed record PaymentProblem(string? Code, string? Title, string? Detail);
