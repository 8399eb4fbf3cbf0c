using Cart.Api.Model;

using static DynamoDbStorage.AttributeValues;

namespace Cart.Api.Storage;

/// <summary>
/// The transaction items (and their conditions) of the <c>carts</c> table, built without I/O. A change is the
/// difference between two snapshots: the header put back conditioned on the version that was read, and only the
/// lines and discount lines that differ put or deleted — so a commit is exact, and a lost race fails as a whole.
/// </summary>
internal static class CartWrites
{
    private const string VersionCondition = "#version = :expected";

    /// <summary>A new header (which must not exist yet) and its owner's active-cart pointer.</summary>
    public static List<TransactWriteItem> Create(string tableName, CartHeader header)
    {
        var items = new List<TransactWriteItem>
        {
            new()
            {
                Put = new Put
                {
                    TableName = tableName,
                    Item = CartItemMapper.ToItem(header),
                    ConditionExpression = "attribute_not_exists(#pk)",
                    ExpressionAttributeNames = new() { ["#pk"] = CartAttributes.PartitionKey },
                },
            },
        };

        if (header.UserId is { } userId)
        {
            items.Add(new() { Put = new Put { TableName = tableName, Item = CartItemMapper.UserPointer(userId, header.CartId, header.UpdatedAt) } });
        }
        else if (header.DeviceId is { } deviceId)
        {
            items.Add(new() { Put = new Put { TableName = tableName, Item = CartItemMapper.DevicePointer(deviceId, header) } });
        }

        return items;
    }

    /// <summary>Everything that differs between <paramref name="before"/> and <paramref name="after"/>, guarded by the version read.</summary>
    public static List<TransactWriteItem> Changes(string tableName, CartSnapshot before, CartSnapshot after)
    {
        var cartId = before.Header.CartId;
        var items = new List<TransactWriteItem> { new() { Put = HeaderPut(tableName, after.Header, before.Header.Version) } };

        var kept = new HashSet<CartLine>(after.Lines, ReferenceEqualityComparer.Instance);
        var afterKeys = after.Lines.Select(line => CartKeys.ItemSk(line.Sku, line.LineKey)).ToHashSet(StringComparer.Ordinal);
        var beforeLines = new HashSet<CartLine>(before.Lines, ReferenceEqualityComparer.Instance);
        foreach (var line in after.Lines.Where(line => !beforeLines.Contains(line)))
        {
            items.Add(new() { Put = new Put { TableName = tableName, Item = CartItemMapper.ToItem(cartId, line) } });
        }

        foreach (var line in before.Lines.Where(line => !kept.Contains(line) && !afterKeys.Contains(CartKeys.ItemSk(line.Sku, line.LineKey))))
        {
            items.Add(new() { Delete = new Delete { TableName = tableName, Key = Key(CartKeys.CartPk(cartId), CartKeys.ItemSk(line.Sku, line.LineKey)) } });
        }

        var beforeDiscounts = before.Discounts.ToDictionary(discount => discount.PromoId, StringComparer.Ordinal);
        foreach (var discount in after.Discounts.Where(discount => !beforeDiscounts.TryGetValue(discount.PromoId, out var old) || old != discount))
        {
            items.Add(new() { Put = new Put { TableName = tableName, Item = CartItemMapper.ToItem(cartId, discount) } });
        }

        var afterPromoIds = after.Discounts.Select(discount => discount.PromoId).ToHashSet(StringComparer.Ordinal);
        foreach (var discount in before.Discounts.Where(discount => !afterPromoIds.Contains(discount.PromoId)))
        {
            items.Add(new() { Delete = new Delete { TableName = tableName, Key = Key(CartKeys.CartPk(cartId), CartKeys.DiscountSk(discount.PromoId)) } });
        }

        return items;
    }

    /// <summary>The header as <paramref name="after"/> says, if it is still at <paramref name="expectedVersion"/>.</summary>
    public static Put HeaderPut(string tableName, CartHeader after, long expectedVersion) => new()
    {
        TableName = tableName,
        Item = CartItemMapper.ToItem(after),
        ConditionExpression = VersionCondition,
        ExpressionAttributeNames = new() { ["#version"] = CartAttributes.Version },
        ExpressionAttributeValues = new() { [":expected"] = N(expectedVersion) },
    };

    /// <summary>Points the user at <paramref name="cartId"/>, if the pointer still says what was read (<paramref name="expectedCartId"/>, or nothing).</summary>
    public static TransactWriteItem MoveUserPointer(string tableName, string userId, string cartId, string now, string? expectedCartId) => new()
    {
        Put = new Put
        {
            TableName = tableName,
            Item = CartItemMapper.UserPointer(userId, cartId, now),
            ConditionExpression = expectedCartId is null ? "attribute_not_exists(#pk)" : "#cartId = :expected",
            ExpressionAttributeNames = expectedCartId is null
                ? new() { ["#pk"] = CartAttributes.PartitionKey }
                : new() { ["#cartId"] = CartAttributes.CartId },
            ExpressionAttributeValues = expectedCartId is null ? null : new() { [":expected"] = S(expectedCartId) },
        },
    };

    /// <summary>Removes the device's pointer, if it still points at the guest cart.</summary>
    public static TransactWriteItem DeleteDevicePointer(string tableName, string deviceId, string cartId) => new()
    {
        Delete = new Delete
        {
            TableName = tableName,
            Key = Key(CartKeys.DevicePk(deviceId), CartKeys.ActiveCart),
            ConditionExpression = "#cartId = :cartId",
            ExpressionAttributeNames = new() { ["#cartId"] = CartAttributes.CartId },
            ExpressionAttributeValues = new() { [":cartId"] = S(cartId) },
        },
    };

    public static Dictionary<string, AttributeValue> Key(string pk, string sk) => new()
    {
        [CartAttributes.PartitionKey] = S(pk),
        [CartAttributes.SortKey] = S(sk),
    };
}
