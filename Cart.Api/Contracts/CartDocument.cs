using Cart.Api.Model;

namespace Cart.Api.Contracts;

/// <summary>The rendered cart: the body of <c>GET /carts/{cartId}</c> and of every cart mutation.</summary>
internal sealed record CartDocument(
    string CartId,
    string Currency,
    string Status,
    IReadOnlyList<CartItemDocument> Items,
    IReadOnlyList<CartDiscountDocument> Discounts,
    CartTotals Totals,
    string UpdatedAt,
    long Version);

internal sealed record CartItemDocument(
    string ItemId,
    string Sku,
    int Qty,
    IReadOnlyDictionary<string, string> Attrs,
    Money? PriceSnapshot,
    string? Source,
    IReadOnlyList<string>? PromoCodes,
    string UpdatedAt);

internal sealed record CartDiscountDocument(string PromoId, long Amount, string Reason, string Scope);

/// <summary>Totals in minor units of the cart's currency; lines without a price snapshot count as zero.</summary>
internal sealed record CartTotals(long Subtotal, long Discount, long Total, string Currency);
