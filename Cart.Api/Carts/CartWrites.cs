using static ServiceDefaults.DynamoDb.AttributeValues;

namespace Cart.Api.Carts;

/// <summary>The write requests (and their condition and update expressions) of the <c>carts</c> table, built without I/O.</summary>
internal static class CartWrites
{
    /// <summary>A new header (which must not exist yet) and, for a device, its active-cart pointer.</summary>
    public static TransactWriteItemsRequest Create(string tableName, CartHeader header)
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

        if (header.DeviceId is { } deviceId)
        {
            items.Add(new() { Put = new Put { TableName = tableName, Item = CartItemMapper.DevicePointer(deviceId, header) } });
        }

        return new TransactWriteItemsRequest { TransactItems = items };
    }

    /// <summary>Adds <paramref name="delta"/> to the line and moves the header to <paramref name="after"/> if it is still at <paramref name="before"/>'s version.</summary>
    public static TransactWriteItemsRequest AddToLine(string tableName, CartHeader before, CartHeader after, CartLine line, int delta) => new()
    {
        TransactItems =
        [
            new TransactWriteItem { Update = AddToLineUpdate(tableName, before.CartId, after.UpdatedAt, line, delta) },
            new TransactWriteItem { Update = AdvanceHeader(tableName, before, after) },
        ],
    };

    private static Update AddToLineUpdate(string tableName, string cartId, string now, CartLine line, int delta)
    {
        var set = new List<string>
        {
            "#sku = :sku", "#lineKey = :lineKey", "#attrs = :attrs", "#updatedAt = :now", "#createdAt = if_not_exists(#createdAt, :now)",
        };
        var names = new Dictionary<string, string>
        {
            ["#qty"] = CartAttributes.Qty,
            ["#sku"] = CartAttributes.Sku,
            ["#lineKey"] = CartAttributes.LineKey,
            ["#attrs"] = CartAttributes.Attrs,
            ["#updatedAt"] = CartAttributes.UpdatedAt,
            ["#createdAt"] = CartAttributes.CreatedAt,
        };
        var values = new Dictionary<string, AttributeValue>
        {
            [":delta"] = N(delta),
            [":sku"] = S(line.Sku),
            [":lineKey"] = S(line.LineKey),
            [":attrs"] = CartItemMapper.ToAttrs(line.Attrs),
            [":now"] = S(now),
        };

        if (line.PriceSnapshot is { } price)
        {
            set.Add("#price = :price");
            names["#price"] = CartAttributes.PriceSnapshot;
            values[":price"] = CartItemMapper.ToMoney(price);
        }

        if (line.Source is { } source)
        {
            set.Add("#source = :source");
            names["#source"] = CartAttributes.Source;
            values[":source"] = S(source);
        }

        return new Update
        {
            TableName = tableName,
            Key = Key(CartKeys.CartPk(cartId), CartKeys.ItemSk(line.Sku, line.LineKey)),
            UpdateExpression = $"ADD #qty :delta SET {string.Join(", ", set)}",
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
        };
    }

    private static Update AdvanceHeader(string tableName, CartHeader before, CartHeader after)
    {
        var set = "#version = :next, #updatedAt = :now";
        var names = new Dictionary<string, string>
        {
            ["#version"] = CartAttributes.Version,
            ["#updatedAt"] = CartAttributes.UpdatedAt,
        };
        var values = new Dictionary<string, AttributeValue>
        {
            [":expected"] = N(before.Version),
            [":next"] = N(after.Version),
            [":now"] = S(after.UpdatedAt),
        };

        if (after.Ttl is { } ttl)
        {
            set += ", #ttl = :ttl";
            names["#ttl"] = CartAttributes.Ttl;
            values[":ttl"] = N(ttl);
        }

        return new Update
        {
            TableName = tableName,
            Key = Key(CartKeys.CartPk(before.CartId), CartKeys.Meta),
            UpdateExpression = $"SET {set}",
            ConditionExpression = "#version = :expected",
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
        };
    }

    private static Dictionary<string, AttributeValue> Key(string pk, string sk) => new()
    {
        [CartAttributes.PartitionKey] = S(pk),
        [CartAttributes.SortKey] = S(sk),
    };
}
