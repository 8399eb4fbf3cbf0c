namespace Cart.Api.Carts;

/// <summary>The cart's invariants, applied to a snapshot without I/O.</summary>
internal static class CartRules
{
    public const int MaxQuantityPerLine = 999;
    public const int MaxLines = 100;

    /// <summary>The cart after adding a line's quantity, with the line as it will be stored, or why it cannot be done.</summary>
    public static Outcome<CartEdit> AddLine(CartSnapshot cart, LineAddition addition, DateTimeOffset now, TimeSpan guestLifetime)
    {
        if (cart.Header.Status != CartStatus.Open)
        {
            return ApiError.Conflict($"Cart is {cart.Header.Status} and can no longer change.");
        }

        var existing = cart.Lines.FirstOrDefault(line => line.Sku == addition.Sku && line.LineKey == addition.LineKey);
        var errors = new FieldErrors();
        if (existing is null && cart.Lines.Count >= MaxLines)
        {
            errors.Add("sku", $"A cart holds at most {MaxLines} lines.");
        }

        var qty = (existing?.Qty ?? 0) + addition.Qty;
        if (qty > MaxQuantityPerLine)
        {
            errors.Add("qty", $"The line would hold {qty}; at most {MaxQuantityPerLine} per line.");
        }

        if (addition.PriceSnapshot is { } price && price.Currency != cart.Header.Currency)
        {
            errors.Add("priceSnapshot.currency", $"Must be the cart's currency, {cart.Header.Currency}.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToError();
        }

        var timestamp = now.ToUtcTimestamp();
        var line = new CartLine(
            addition.Sku,
            addition.LineKey,
            qty,
            addition.Attrs,
            addition.PriceSnapshot ?? existing?.PriceSnapshot,
            addition.Source ?? existing?.Source,
            timestamp);

        var lines = cart.Lines
            .Where(other => other != existing)
            .Append(line)
            .OrderBy(other => CartKeys.ItemSk(other.Sku, other.LineKey), StringComparer.Ordinal)
            .ToList();

        return new CartEdit(cart with { Header = Touch(cart.Header, now, guestLifetime), Lines = lines }, line);
    }

    /// <summary>The next version of a header: version + 1, updatedAt now, and a guest cart's TTL slid forward.</summary>
    public static CartHeader Touch(CartHeader header, DateTimeOffset now, TimeSpan guestLifetime) => header with
    {
        Version = header.Version + 1,
        UpdatedAt = now.ToUtcTimestamp(),
        Ttl = header.Ttl is null ? null : GuestExpiry(now, guestLifetime),
    };

    /// <summary>The epoch second at which a guest cart touched now expires.</summary>
    public static long GuestExpiry(DateTimeOffset now, TimeSpan guestLifetime) => (now + guestLifetime).ToUnixTimeSeconds();
}

/// <summary>A cart after a change, and the line the change wrote.</summary>
internal sealed record CartEdit(CartSnapshot Cart, CartLine Line);
