using Cart.Api.Model;

using static DynamoDbStorage.AttributeValues;

namespace Cart.Api.Storage;

/// <summary>Maps cart domain records to and from <c>carts</c> table items.</summary>
internal static class CartItemMapper
{
    public static Dictionary<string, AttributeValue> ToItem(CartHeader header)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [CartAttributes.PartitionKey] = S(CartKeys.CartPk(header.CartId)),
            [CartAttributes.SortKey] = S(CartKeys.Meta),
            [CartAttributes.CartId] = S(header.CartId),
            [CartAttributes.Currency] = S(header.Currency),
            [CartAttributes.Status] = S(header.Status),
            [CartAttributes.Version] = N(header.Version),
            [CartAttributes.CreatedAt] = S(header.CreatedAt),
            [CartAttributes.UpdatedAt] = S(header.UpdatedAt),
        };
        AddIfPresent(item, CartAttributes.Ttl, header.Ttl is { } ttl ? N(ttl) : null);
        AddIfPresent(item, CartAttributes.DeviceId, header.DeviceId is { } deviceId ? S(deviceId) : null);
        AddIfPresent(item, CartAttributes.UserId, header.UserId is { } userId ? S(userId) : null);
        AddIfPresent(item, CartAttributes.MergedInto, header.MergedInto is { } mergedInto ? S(mergedInto) : null);
        if (header.Payment is { } payment)
        {
            AddIfPresent(item, CartAttributes.PaymentTxnId, payment.TxnId is { } txnId ? S(txnId) : null);
            item[CartAttributes.PaymentStatus] = S(payment.Status);
            item[CartAttributes.PaymentAccountId] = S(payment.AccountId);
            item[CartAttributes.PaymentAmount] = N(payment.Amount);
            AddIfPresent(item, CartAttributes.PaymentPayerId, payment.PayerId is { } payerId ? S(payerId) : null);
        }

        if (header.Hold is { } hold)
        {
            item[CartAttributes.HoldExpiresAt] = N(hold.ExpiresAt);
            AddIfPresent(item, CartAttributes.HoldSlotId, hold.Slot is { } slot ? S(slot.ToString()) : null);
            item[CartAttributes.Reservations] = L([.. hold.Reservations.Select(take => M(new()
            {
                [CartAttributes.Sku] = S(take.Sku),
                [CartAttributes.Shard] = N(take.Shard),
                [CartAttributes.Qty] = N(take.Qty),
            }))]);
        }

        return item;
    }

    public static Dictionary<string, AttributeValue> ToItem(string cartId, CartLine line)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [CartAttributes.PartitionKey] = S(CartKeys.CartPk(cartId)),
            [CartAttributes.SortKey] = S(CartKeys.ItemSk(line.Sku, line.LineKey)),
            [CartAttributes.Sku] = S(line.Sku),
            [CartAttributes.LineKey] = S(line.LineKey),
            [CartAttributes.Qty] = N(line.Qty),
            [CartAttributes.Attrs] = ToAttrs(line.Attrs),
            [CartAttributes.UpdatedAt] = S(line.UpdatedAt),
        };
        AddIfPresent(item, CartAttributes.PriceSnapshot, line.PriceSnapshot is { } price ? ToMoney(price) : null);
        AddIfPresent(item, CartAttributes.Source, line.Source is { } source ? S(source) : null);
        if (line.PromoCodes.Count > 0)
        {
            item[CartAttributes.PromoCodes] = L(line.PromoCodes.Select(S).ToList());
        }

        return item;
    }

    public static Dictionary<string, AttributeValue> ToItem(string cartId, DiscountLine discount) => new()
    {
        [CartAttributes.PartitionKey] = S(CartKeys.CartPk(cartId)),
        [CartAttributes.SortKey] = S(CartKeys.DiscountSk(discount.PromoId)),
        [CartAttributes.Amount] = N(discount.Amount),
        [CartAttributes.Reason] = S(discount.Reason),
        [CartAttributes.Scope] = S(discount.Scope),
    };

    public static Dictionary<string, AttributeValue> UserPointer(string userId, string cartId, string updatedAt) => new()
    {
        [CartAttributes.PartitionKey] = S(CartKeys.UserPk(userId)),
        [CartAttributes.SortKey] = S(CartKeys.ActiveCart),
        [CartAttributes.CartId] = S(cartId),
        [CartAttributes.UpdatedAt] = S(updatedAt),
    };

    public static Dictionary<string, AttributeValue> DevicePointer(string deviceId, CartHeader header)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [CartAttributes.PartitionKey] = S(CartKeys.DevicePk(deviceId)),
            [CartAttributes.SortKey] = S(CartKeys.ActiveCart),
            [CartAttributes.CartId] = S(header.CartId),
            [CartAttributes.UpdatedAt] = S(header.UpdatedAt),
        };
        AddIfPresent(item, CartAttributes.Ttl, header.Ttl is { } ttl ? N(ttl) : null);
        return item;
    }

    public static CartHeader ToHeader(IReadOnlyDictionary<string, AttributeValue> item) => new(
        item.GetString(CartAttributes.CartId),
        item.GetString(CartAttributes.Currency),
        item.GetString(CartAttributes.Status),
        item.GetLong(CartAttributes.Version),
        item.GetString(CartAttributes.CreatedAt),
        item.GetString(CartAttributes.UpdatedAt),
        item.GetLongOrNull(CartAttributes.Ttl),
        item.GetStringOrNull(CartAttributes.DeviceId),
        item.GetStringOrNull(CartAttributes.UserId))
    {
        MergedInto = item.GetStringOrNull(CartAttributes.MergedInto),
        Payment = item.GetStringOrNull(CartAttributes.PaymentAccountId) is { } accountId
            ? new CheckoutPayment(
                item.GetStringOrNull(CartAttributes.PaymentTxnId),
                item.GetStringOrNull(CartAttributes.PaymentStatus) ?? string.Empty,
                accountId,
                item.GetLongOrNull(CartAttributes.PaymentAmount) ?? 0,
                item.GetStringOrNull(CartAttributes.PaymentPayerId))
            : null,
        Hold = ToHold(item),
    };

    private static CheckoutHold? ToHold(IReadOnlyDictionary<string, AttributeValue> item)
    {
        if (item.GetLongOrNull(CartAttributes.HoldExpiresAt) is not { } expiresAt)
        {
            return null;
        }

        SlotId? slot = null;
        if (item.GetStringOrNull(CartAttributes.HoldSlotId) is { } slotId && !SlotId.TryParse(slotId, out slot))
        {
            throw new InvalidDataException($"A cart holds a malformed slot id '{slotId}'.");
        }

        var reservations = item.TryGetValue(CartAttributes.Reservations, out var list) && list.L is { } takes
            ? takes.Select(take => new StockTake(take.M.GetString(CartAttributes.Sku), (int)take.M.GetLong(CartAttributes.Shard), (int)take.M.GetLong(CartAttributes.Qty))).ToList()
            : [];
        return new CheckoutHold(slot, expiresAt, reservations);
    }

    public static CartLine ToLine(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var (sku, lineKey) = CartKeys.SplitLine(CartKeys.LineOf(item.GetString(CartAttributes.SortKey)));
        var attrs = item.GetMapOrNull(CartAttributes.Attrs) is { } map
            ? new SortedDictionary<string, string>(map.ToDictionary(attr => attr.Key, attr => attr.Value.S ?? string.Empty), StringComparer.Ordinal)
            : new SortedDictionary<string, string>(StringComparer.Ordinal);
        var price = item.GetMapOrNull(CartAttributes.PriceSnapshot) is { } priceMap
            ? new Money(priceMap.GetLong(CartAttributes.Amount), priceMap.GetString(CartAttributes.Currency))
            : null;

        return new CartLine(
            sku,
            lineKey,
            checked((int)item.GetLong(CartAttributes.Qty)),
            attrs,
            price,
            item.GetStringOrNull(CartAttributes.Source),
            item.GetString(CartAttributes.UpdatedAt))
        {
            PromoCodes = item.TryGetValue(CartAttributes.PromoCodes, out var codes) && codes.L is { } list
                ? list.Select(code => code.S).OfType<string>().ToList()
                : [],
        };
    }

    public static DiscountLine ToDiscount(IReadOnlyDictionary<string, AttributeValue> item) => new(
        CartKeys.PromoIdOf(item.GetString(CartAttributes.SortKey)),
        item.GetLong(CartAttributes.Amount),
        item.GetStringOrNull(CartAttributes.Reason) ?? string.Empty,
        item.GetStringOrNull(CartAttributes.Scope) ?? "cart");

    public static AttributeValue ToAttrs(IReadOnlyDictionary<string, string> attrs) =>
        M(attrs.ToDictionary(attr => attr.Key, attr => S(attr.Value), StringComparer.Ordinal));

    public static AttributeValue ToMoney(Money money) => M(new Dictionary<string, AttributeValue>
    {
        [CartAttributes.Amount] = N(money.Amount),
        [CartAttributes.Currency] = S(money.Currency),
    });

    private static void AddIfPresent(Dictionary<string, AttributeValue> item, string name, AttributeValue? value)
    {
        if (value is not null)
        {
            item[name] = value;
        }
    }
}
