namespace Cart.Api.Carts;

/// <summary>Renders a cart snapshot into the document clients read and Redis caches.</summary>
internal static class CartRenderer
{
    public static CartDocument Render(CartSnapshot cart)
    {
        var header = cart.Header;
        var items = cart.Lines
            .Select(line => new CartItemDocument(
                ItemId.From(line.Sku, line.LineKey),
                line.Sku,
                line.Qty,
                line.Attrs,
                line.PriceSnapshot,
                line.Source,
                line.UpdatedAt))
            .ToList();
        var discounts = cart.Discounts
            .Select(discount => new CartDiscountDocument(discount.PromoId, discount.Amount, discount.Reason, discount.Scope))
            .ToList();

        var subtotal = cart.Lines.Sum(line => checked(line.Qty * (line.PriceSnapshot?.Amount ?? 0)));
        var discount = Math.Min(subtotal, cart.Discounts.Sum(line => line.Amount));
        var totals = new CartTotals(subtotal, discount, subtotal - discount, header.Currency);

        return new CartDocument(header.CartId, header.Currency, header.Status, items, discounts, totals, header.UpdatedAt, header.Version);
    }
}
