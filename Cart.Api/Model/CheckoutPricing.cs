namespace Cart.Api.Model;

/// <summary>Re-prices a cart from the catalog, without I/O: every line must still exist, in the cart's currency.</summary>
internal static class CheckoutPricing
{
    public static Outcome<CartSnapshot> Reprice(CartSnapshot cart, IReadOnlyDictionary<string, Product> products)
    {
        var errors = new FieldErrors();
        var lines = new List<CartLine>(cart.Lines.Count);
        foreach (var line in cart.Lines)
        {
            if (!products.TryGetValue(line.Sku, out var product))
            {
                errors.Add($"items.{line.ItemId}", $"SKU '{line.Sku}' is no longer available.");
                continue;
            }

            if (product.Price.Currency != cart.Header.Currency)
            {
                errors.Add($"items.{line.ItemId}", $"SKU '{line.Sku}' is priced in {product.Price.Currency}; the cart is in {cart.Header.Currency}.");
                continue;
            }

            lines.Add(line.PriceSnapshot == product.Price ? line : line with { PriceSnapshot = product.Price });
        }

        if (!errors.IsEmpty)
        {
            return errors.ToError() with
            {
                Detail = "Some lines can no longer be bought: " + string.Join(", ", cart.Lines.Where(line => !products.ContainsKey(line.Sku)).Select(line => line.Sku)),
            };
        }

        return cart with { Lines = lines };
    }
}
