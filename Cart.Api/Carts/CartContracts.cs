namespace Cart.Api.Carts;

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
