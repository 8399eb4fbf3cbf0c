namespace Cart.Api.Model;

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
    /// <summary>The user cart a MERGED guest cart was folded into.</summary>
    public string? MergedInto { get; init; }

    /// <summary>The payment that checked the cart out (set with CHECKED_OUT).</summary>
    public CheckoutPayment? Payment { get; init; }

    /// <summary>What the checkout holds (delivery slot, reserved stock) from CHECKING_OUT on; kept on a paid cart as what it bought.</summary>
    public CheckoutHold? Hold { get; init; }

    /// <summary>Guest carts expire; DynamoDB deletes lazily (DynamoDB Local never), so readers check.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => IsExpired(Ttl, now);

    /// <summary>Expired and someone else's carts read as absent alike, so a 404 is no existence oracle.</summary>
    public bool IsVisibleTo(CartCaller caller, DateTimeOffset now) => !IsExpiredAt(now) && caller.Owns(this);

    /// <summary>The TTL rule, for the header and for the copy of it a cache entry carries.</summary>
    public static bool IsExpired(long? ttl, DateTimeOffset now) => ttl is { } seconds && seconds <= now.ToUnixTimeSeconds();
}

/// <summary>One <c>ITEM#&lt;sku&gt;#&lt;lineKey&gt;</c> line.</summary>
internal sealed record CartLine(
    string Sku,
    string LineKey,
    int Qty,
    IReadOnlyDictionary<string, string> Attrs,
    Money? PriceSnapshot,
    string? Source,
    string UpdatedAt)
{
    /// <summary>Promo codes applied through this line (per-item codes discount it; per-cart codes the whole cart).</summary>
    public IReadOnlyList<string> PromoCodes { get; init; } = [];

    public string ItemId => Model.ItemId.From(Sku, LineKey);

    public bool IsSameLine(string sku, string lineKey) => Sku == sku && LineKey == lineKey;
}

/// <summary>One <c>ITEM#DISC#&lt;promoId&gt;</c> discount line.</summary>
internal sealed record DiscountLine(string PromoId, long Amount, string Reason, string Scope);

/// <summary>
/// The payment of a cart being checked out (no transaction yet) or checked out (with its transaction), so a retried
/// checkout charges the same account the same amount under the same key, and answers the same once done.
/// <paramref name="PayerId"/> is the signed-in user whose checkout froze the cart: Payments.Api scopes the payment's
/// key to its caller, so only their retry can learn what became of it (null: frozen before payers were recorded).
/// </summary>
internal sealed record CheckoutPayment(string? TxnId, string Status, string AccountId, long Amount, string? PayerId = null)
{
    /// <summary>
    /// True when <paramref name="userId"/> may carry this checkout on. Anyone else (another user on the device that
    /// owns a guest cart, a guest) would pay under a key of their own: Payments.Api refuses them the payer's account,
    /// and reopening the cart on that refusal would leave the payer's payment, perhaps taken, behind an open cart.
    /// </summary>
    public bool MayBeResumedBy(string? userId) => PayerId is null || PayerId == userId;
}

/// <summary>The states of a cart.</summary>
internal static class CartStatus
{
    public const string Open = CartStatuses.Open;
    public const string Merged = CartStatuses.Merged;

    /// <summary>Payment requested: the cart no longer accepts changes, and a retry resumes with the same payment key.</summary>
    public const string CheckingOut = CartStatuses.CheckingOut;
    public const string CheckedOut = CartStatuses.CheckedOut;
}
