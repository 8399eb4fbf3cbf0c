namespace Cart.Api.Model;

/// <summary>
/// Folds a guest cart's lines into a user cart's, without I/O: one line per (sku, lineKey), quantities summed and
/// capped at the per-line limit, the most recently updated price snapshot and source kept, promo codes united.
/// Lines the guest does not touch are returned as the same instances, so the writer knows they did not change.
/// </summary>
internal static class MergeCombiner
{
    public static IReadOnlyList<CartLine> Combine(IReadOnlyList<CartLine> target, IReadOnlyList<CartLine> guest)
    {
        var merged = target.ToDictionary(line => ItemId.Line(line.Sku, line.LineKey), StringComparer.Ordinal);
        foreach (var incoming in guest)
        {
            var key = ItemId.Line(incoming.Sku, incoming.LineKey);
            merged[key] = merged.TryGetValue(key, out var existing) ? Fold(existing, incoming) : incoming;
        }

        return merged.Values.OrderBy(line => ItemId.Line(line.Sku, line.LineKey), StringComparer.Ordinal).ToList();
    }

    private static CartLine Fold(CartLine existing, CartLine incoming)
    {
        var (older, newer) = string.CompareOrdinal(incoming.UpdatedAt, existing.UpdatedAt) > 0 ? (existing, incoming) : (incoming, existing);
        return newer with
        {
            Qty = Math.Min(CartRules.MaxQuantityPerLine, existing.Qty + incoming.Qty),
            PriceSnapshot = newer.PriceSnapshot ?? older.PriceSnapshot,
            Source = newer.Source ?? older.Source,
            PromoCodes = existing.PromoCodes.Union(incoming.PromoCodes, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        };
    }
}
