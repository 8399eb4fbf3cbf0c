using Cart.Api.Model;

namespace Cart.Api.Contracts;

/// <summary>Renders a cart snapshot into the document clients read and Redis caches.</summary>
internal static class CartRenderer
{
    public static CartDocument Render(CartSnapshot cart)
    {
        var header = cart.Header;
        var items = cart.Lines
            .Select(line => new CartItemDocument(
                line.ItemId,
                line.Sku,
                line.Qty,
                line.Attrs,
                line.PriceSnapshot,
                line.Source,
                line.PromoCodes.Count > 0 ? line.PromoCodes : null,
                line.UpdatedAt))
            .ToList();
        var discounts = cart.Discounts
            .Select(discount => new CartDiscountDocument(discount.PromoId, discount.Amount, discount.Reason, discount.Scope))
            .ToList();

        return new CartDocument(header.CartId, header.Currency, header.Status, items, discounts, Totals(cart), header.UpdatedAt, header.Version);
    }

    /// <summary>Subtotal of the price snapshots, the discount lines (never more than the subtotal), and what is left.</summary>
    public static CartTotals Totals(CartSnapshot cart)
    {
        var subtotal = cart.Lines.Sum(line => checked(line.Qty * (line.PriceSnapshot?.Amount ?? 0)));
        var discount = Math.Min(subtotal, cart.Discounts.Sum(line => line.Amount));
        return new CartTotals(subtotal, discount, subtotal - discount, cart.Header.Currency);
    }
}
