namespace Cart.Api.Contracts;

/// <summary>Body of <c>POST /carts</c> (optional).</summary>
internal sealed record CreateCartRequest(string? Currency);

/// <summary>Response of <c>POST /carts</c>.</summary>
internal sealed record CreateCartResponse(string CartId);

/// <summary>Body of <c>POST /carts/{cartId}/items</c>: adds <c>qty</c> to the line of (sku, attrs).</summary>
internal sealed record AddItemRequest(
    string? Sku,
    int? Qty,
    Dictionary<string, string?>? Attrs,
    MoneyRequest? PriceSnapshot,
    string? Source);

/// <summary>A money value as a client sends it; validated into <see cref="Money"/>.</summary>
internal sealed record MoneyRequest(long? Amount, string? Currency);

/// <summary>Body of <c>PATCH /carts/{cartId}/items/{itemId}</c>: the absolute quantity (0 or less removes the line) and, optionally, the line's promo codes.</summary>
internal sealed record UpdateItemRequest(int? Qty, List<string?>? PromoCodes);

/// <summary>Body of <c>POST /carts/attach</c>.</summary>
internal sealed record AttachCartRequest(string? CartId);

/// <summary>Body of <c>POST /carts/merge</c>.</summary>
internal sealed record MergeCartRequest(string? GuestCartId);
