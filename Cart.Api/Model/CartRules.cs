namespace Cart.Api.Model;

/// <summary>The cart's invariants, applied to a snapshot without I/O. Untouched lines keep their instances.</summary>
internal static class CartRules
{
    public const int MaxQuantityPerLine = 999;
    public const int MaxLines = 100;
    public const int MaxPromoCodesPerLine = 5;

    /// <summary>Null when the cart accepts changes; otherwise the 409 that explains why not.</summary>
    public static ApiError? RejectIfClosed(CartHeader header) => header.Status switch
    {
        CartStatus.Open => null,
        CartStatus.CheckingOut => ApiError.Conflict("The cart is being checked out and can no longer change."),
        _ => ApiError.Conflict($"Cart is {header.Status} and can no longer change."),
    };

    /// <summary>
    /// The cart after adding a line's quantity, with the line as it will be stored, or why it cannot be done. The line is
    /// priced from the catalog: <paramref name="catalogPrice"/> is null when the SKU is not in it, which refuses the line.
    /// </summary>
    public static Outcome<CartEdit> AddLine(CartSnapshot cart, LineAddition addition, Money? catalogPrice, DateTimeOffset now, TimeSpan guestLifetime)
    {
        if (RejectIfClosed(cart.Header) is { } closed)
        {
            return closed;
        }

        var existing = cart.Lines.FirstOrDefault(line => line.IsSameLine(addition.Sku, addition.LineKey));
        var errors = new FieldErrors();
        var price = CatalogPrice(addition.Sku, catalogPrice, cart.Header.Currency, errors);
        if (existing is null && cart.Lines.Count >= MaxLines)
        {
            errors.Add("sku", $"A cart holds at most {MaxLines} lines.");
        }

        var qty = (existing?.Qty ?? 0) + addition.Qty;
        if (qty > MaxQuantityPerLine)
        {
            errors.Add("qty", $"The line would hold {qty}; at most {MaxQuantityPerLine} per line.");
        }

        if (addition.PriceSnapshot is { } sent && sent.Currency != cart.Header.Currency)
        {
            errors.Add("priceSnapshot.currency", $"Must be the cart's currency, {cart.Header.Currency}.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToError();
        }

        var line = new CartLine(
            addition.Sku,
            addition.LineKey,
            qty,
            addition.Attrs,
            price,
            addition.Source ?? existing?.Source,
            now.ToUtcTimestamp())
        {
            PromoCodes = existing?.PromoCodes ?? [],
        };

        return new CartEdit(Replace(cart, existing, line, now, guestLifetime), line);
    }

    /// <summary>
    /// Sets a line's quantity (and, when given, its promo codes), re-priced from the catalog; a quantity of zero or less
    /// removes it, even when its SKU has left the catalog (<paramref name="catalogPrice"/> null), which refuses any other quantity.
    /// </summary>
    public static Outcome<CartSnapshot> SetLine(
        CartSnapshot cart, string sku, string lineKey, int qty, IReadOnlyList<string>? promoCodes, Money? catalogPrice, DateTimeOffset now, TimeSpan guestLifetime)
    {
        if (RejectIfClosed(cart.Header) is { } closed)
        {
            return closed;
        }

        var existing = cart.Lines.FirstOrDefault(line => line.IsSameLine(sku, lineKey));
        if (existing is null)
        {
            return ApiError.NotFound("The cart has no such item.");
        }

        if (qty <= 0)
        {
            return Replace(cart, existing, null, now, guestLifetime);
        }

        var errors = new FieldErrors();
        var price = CatalogPrice(sku, catalogPrice, cart.Header.Currency, errors);
        if (!errors.IsEmpty)
        {
            return errors.ToError();
        }

        var line = existing with
        {
            Qty = qty,
            PriceSnapshot = price,
            PromoCodes = promoCodes is null ? existing.PromoCodes : [.. promoCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            UpdatedAt = now.ToUtcTimestamp(),
        };
        return Replace(cart, existing, line, now, guestLifetime);
    }

    /// <summary>The cart without the line.</summary>
    public static Outcome<CartSnapshot> RemoveLine(CartSnapshot cart, string sku, string lineKey, DateTimeOffset now, TimeSpan guestLifetime) =>
        SetLine(cart, sku, lineKey, 0, null, null, now, guestLifetime);

    /// <summary>The next version of a header: version + 1, updatedAt now, and a guest cart's TTL slid forward.</summary>
    public static CartHeader Touch(CartHeader header, DateTimeOffset now, TimeSpan guestLifetime) => header with
    {
        Version = header.Version + 1,
        UpdatedAt = now.ToUtcTimestamp(),
        Ttl = header.Ttl is null ? null : GuestExpiry(now, guestLifetime),
    };

    /// <summary>The epoch second at which a guest cart touched now expires.</summary>
    public static long GuestExpiry(DateTimeOffset now, TimeSpan guestLifetime) => (now + guestLifetime).ToUnixTimeSeconds();

    // The one rule for what a line may cost: the catalog's price, in the cart's currency; a SKU outside the catalog has none.
    private static Money? CatalogPrice(string sku, Money? catalogPrice, string cartCurrency, FieldErrors errors)
    {
        if (catalogPrice is null)
        {
            errors.Add("sku", $"SKU '{sku}' is not in the catalog.");
        }
        else if (catalogPrice.Currency != cartCurrency)
        {
            errors.Add("sku", $"This product is priced in {catalogPrice.Currency}; the cart is in {cartCurrency}.");
        }

        return catalogPrice;
    }

    private static CartSnapshot Replace(CartSnapshot cart, CartLine? existing, CartLine? line, DateTimeOffset now, TimeSpan guestLifetime)
    {
        var lines = cart.Lines.Where(other => !ReferenceEquals(other, existing));
        if (line is not null)
        {
            lines = lines.Append(line);
        }

        return cart with
        {
            Header = Touch(cart.Header, now, guestLifetime),
            Lines = lines.OrderBy(other => ItemId.Line(other.Sku, other.LineKey), StringComparer.Ordinal).ToList(),
        };
    }
}

/// <summary>A cart after a change, and the line the change wrote.</summary>
internal sealed record CartEdit(CartSnapshot Cart, CartLine Line);
