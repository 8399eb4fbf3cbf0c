namespace Cart.Api.Carts;

/// <summary>A cart as read from one consistent query of its partition.</summary>
internal sealed record CartSnapshot(CartHeader Header, IReadOnlyList<CartLine> Lines, IReadOnlyList<DiscountLine> Discounts);

/// <summary>The <c>META</c> item: who owns the cart, its state and its version.</summary>
internal sealed record CartHeader(
    string CartId,
    string Currency,
    string Status,
    long Version,
    string CreatedAt,
    string UpdatedAt,
    long? Ttl,
    string? DeviceId,
    string? UserId)
{
    /// <summary>Guest carts expire; DynamoDB deletes lazily (DynamoDB Local never), so readers check.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => Ttl is { } ttl && ttl <= now.ToUnixTimeSeconds();
}

/// <summary>One <c>ITEM#&lt;sku&gt;#&lt;lineKey&gt;</c> line.</summary>
internal sealed record CartLine(
    string Sku,
    string LineKey,
    int Qty,
    IReadOnlyDictionary<string, string> Attrs,
    Money? PriceSnapshot,
    string? Source,
    string UpdatedAt);

/// <summary>One <c>ITEM#DISC#&lt;promoId&gt;</c> discount line.</summary>
internal sealed record DiscountLine(string PromoId, long Amount, string Reason, string Scope);

/// <summary>The states of a cart.</summary>
internal static class CartStatus
{
    public const string Open = "OPEN";
    public const string Merged = "MERGED";
    public const string CheckedOut = "CHECKED_OUT";
}
