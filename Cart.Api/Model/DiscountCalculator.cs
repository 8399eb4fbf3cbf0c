namespace Cart.Api.Model;

/// <summary>A line as the discount maths sees it: a unit price in the cart's currency and the codes applied through it.</summary>
internal sealed record PricedLine(string ItemId, int Qty, long UnitPrice, IReadOnlyList<string> PromoCodes);

/// <summary>
/// Discount maths, without I/O: per-item codes first (a percentage of the line, or a fixed amount per unit capped
/// at the line), then per-cart codes once each on what remains (a percentage, or a fixed amount capped at the rest).
/// Percentages round down, so a discount never exceeds what was priced; unknown codes and foreign currencies are ignored.
/// </summary>
internal static class DiscountCalculator
{
    public static IReadOnlyList<DiscountLine> Compute(IReadOnlyList<PricedLine> lines, IReadOnlyDictionary<string, Promotion> promotions, string currency)
    {
        var discounts = new List<DiscountLine>();
        long itemDiscounts = 0;
        foreach (var line in lines)
        {
            var lineTotal = checked(line.UnitPrice * line.Qty);
            var remaining = lineTotal;
            foreach (var code in line.PromoCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                if (!promotions.TryGetValue(code, out var promotion) || promotion.Scope != PromotionScope.Item || !Applies(promotion, currency))
                {
                    continue;
                }

                var amount = Math.Min(remaining, promotion.Kind == PromotionKind.Percentage
                    ? lineTotal * promotion.Value / 100
                    : checked(promotion.Value * line.Qty));
                if (amount > 0)
                {
                    remaining -= amount;
                    itemDiscounts += amount;
                    discounts.Add(new DiscountLine($"{code}.{line.ItemId}", amount, promotion.Description, $"item:{line.ItemId}"));
                }
            }
        }

        var rest = lines.Sum(line => checked(line.UnitPrice * line.Qty)) - itemDiscounts;
        var cartCodes = lines.SelectMany(line => line.PromoCodes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var code in cartCodes)
        {
            if (!promotions.TryGetValue(code, out var promotion) || promotion.Scope != PromotionScope.Cart || !Applies(promotion, currency))
            {
                continue;
            }

            var amount = Math.Min(rest, promotion.Kind == PromotionKind.Percentage ? rest * promotion.Value / 100 : promotion.Value);
            if (amount > 0)
            {
                rest -= amount;
                discounts.Add(new DiscountLine(code, amount, promotion.Description, "cart"));
            }
        }

        return discounts;
    }

    /// <summary>The lines of a cart priced by their snapshots (display); lines without one count as free.</summary>
    public static IReadOnlyList<PricedLine> PriceBySnapshot(IEnumerable<CartLine> lines) =>
        lines.Select(line => new PricedLine(line.ItemId, line.Qty, line.PriceSnapshot?.Amount ?? 0, line.PromoCodes)).ToList();

    private static bool Applies(Promotion promotion, string currency) =>
        promotion.Kind == PromotionKind.Percentage || promotion.Currency == currency;
}
