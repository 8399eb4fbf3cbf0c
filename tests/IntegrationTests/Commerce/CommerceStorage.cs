using Amazon.DynamoDBv2.Model;
using IntegrationTests.Carts;

namespace IntegrationTests.Commerce;

/// <summary>Reads (and for expiry, writes) the slot and stock items straight in DynamoDB Local, to check what the API says.</summary>
public static class CommerceStorage
{
    public static async Task<List<Dictionary<string, AttributeValue>>> BookingsAsync(CartStorage storage, string slotId) =>
        (await storage.DynamoDb.QueryAsync(new QueryRequest
        {
            TableName = "carts",
            ConsistentRead = true,
            KeyConditionExpression = "PK = :pk AND begins_with(SK, :bookings)",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue($"SLOTS#{slotId[..10]}"), [":bookings"] = new AttributeValue($"BOOKING#{slotId}#") },
        })).Items;

    /// <summary>The units of <paramref name="sku"/> the carts' checkout holds reserve (a reopened cart holds none).</summary>
    public static async Task<long> ReservedAsync(CartStorage storage, IEnumerable<string> cartIds, string sku)
    {
        long reserved = 0;
        foreach (var cartId in cartIds)
        {
            var meta = await storage.MetaAsync(cartId);
            if (meta.TryGetValue("reservations", out var list))
            {
                reserved += list.L.Where(take => take.M["sku"].S == sku).Sum(take => long.Parse(take.M["qty"].N, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return reserved;
    }

    /// <summary>An unpaid hold of a cart that is gone, expired a minute ago, still counted by the slot's counter.</summary>
    public static async Task PutExpiredHoldAsync(CartStorage storage, string slotId, string cartId)
    {
        var pk = new AttributeValue($"SLOTS#{slotId[..10]}");
        var expiredAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await storage.DynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new() { Put = new Put { TableName = "carts", Item = new()
                {
                    ["PK"] = pk, ["SK"] = new AttributeValue($"BOOKING#{slotId}#{cartId}"), ["slotId"] = new AttributeValue(slotId),
                    ["cartId"] = new AttributeValue(cartId), ["status"] = new AttributeValue("HELD"), ["expiresAt"] = new AttributeValue { N = expiredAt },
                } } },
                new() { Update = new Update
                {
                    TableName = "carts",
                    Key = new() { ["PK"] = pk, ["SK"] = new AttributeValue($"SLOT#{slotId}") },
                    UpdateExpression = "SET booked = booked + :one",
                    ExpressionAttributeValues = new() { [":one"] = new AttributeValue { N = "1" } },
                } },
            ],
        });
    }
}
