using Cart.Api.Contracts;
using Cart.Api.Model;

namespace Cart.Api.Caching;

/// <summary>
/// The whole cart a cache entry stands for, rebuilt from its document and header fields, so a change can start from
/// it instead of a DynamoDB read (<see cref="Carts.CartMutations"/>). Only an open cart is rebuilt: its header has no
/// hold, payment or merge target (a checkout that gives up clears them as it reopens the cart), so the entry says all
/// of it. What a rebuilt snapshot gets wrong can only be its age, never its content at its version: every write to a
/// cart's items goes through one transaction that moves the header's version, and the commit is conditioned on it.
/// </summary>
internal static class CachedCartSnapshot
{
    /// <summary>The cart <paramref name="entry"/> holds, or null when the entry cannot say all of it.</summary>
    public static CartSnapshot? TryRebuild(CachedCart entry)
    {
        if (entry.Status != CartStatus.Open || entry.CreatedAt is null)
        {
            return null;
        }

        // Our own serializer wrote it; one that does not read back whole (another version's format) is only a miss.
        CartDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(entry.Cart.Json.Span, CartJsonContext.Default.CartDocument);
        }
        catch (JsonException)
        {
            return null;
        }

        if (document is not { CartId: not null, Currency: not null, UpdatedAt: not null, Items: not null, Discounts: not null }
            || document.Version != entry.Version || document.Status != entry.Status)
        {
            return null;
        }

        var lines = new List<CartLine>(document.Items.Count);
        foreach (var item in document.Items)
        {
            if (item is not { ItemId: not null, UpdatedAt: not null } || ItemId.TryParse(item.ItemId) is not var (sku, lineKey) || sku != item.Sku)
            {
                return null;
            }

            var attrs = new SortedDictionary<string, string>(item.Attrs?.ToDictionary() ?? [], StringComparer.Ordinal);
            lines.Add(new CartLine(sku, lineKey, item.Qty, attrs, item.PriceSnapshot, item.Source, item.UpdatedAt)
            {
                PromoCodes = item.PromoCodes ?? [],
            });
        }

        var header = new CartHeader(
            document.CartId, document.Currency, document.Status, document.Version, entry.CreatedAt, document.UpdatedAt, entry.Ttl, entry.DeviceId, entry.UserId);
        var discounts = document.Discounts.Select(discount => new DiscountLine(discount.PromoId, discount.Amount, discount.Reason, discount.Scope)).ToList();
        return new CartSnapshot(header, lines, discounts);
    }
}
