using DynamoDbStreams.Client;

namespace Events.Worker.Publishing;

/// <summary>
/// What the cascade of a removed cart deletes, pure. Only a cart's <c>META</c> carries the cart's <c>ttl</c> (it
/// slides on every change, so the other rows cannot carry it): when DynamoDB's TTL (or anyone) removes the header,
/// the lines (<c>ITEM#…</c>) and discounts (<c>ITEM#DISC#…</c>) of its <c>CART#&lt;id&gt;</c> partition would stay
/// forever. The cascade deletes every row of the partition without a <c>ttl</c> of its own; rows with one (the
/// cart's <c>IDEM#</c> idempotency records) are left to DynamoDB's TTL. Cart ids are fresh ids, never reused, so
/// nothing written to the partition after its header's removal belongs to a newer cart — and a partition whose
/// <c>META</c> is back is left whole all the same.
/// </summary>
internal static class RemovedCartRows
{
    /// <summary>The carts whose <c>META</c> a batch of the carts table removed (TTL or not), each once, in order.</summary>
    public static IReadOnlyList<string> RemovedCarts(string logicalTable, IEnumerable<StreamRecord> records)
    {
        if (logicalTable != EventMapper.CartsTable)
        {
            return [];
        }

        var carts = new List<string>();
        foreach (var record in records)
        {
            if (record.EventName == "REMOVE"
                && DynamoJson.String(record.Keys, KeyAttributes.SortKey) == CartsTableKeys.Meta
                && DynamoJson.String(record.Keys, KeyAttributes.PartitionKey) is { } pk
                && pk.StartsWith(CartsTableKeys.CartPrefix, StringComparison.Ordinal)
                && !carts.Contains(pk[CartsTableKeys.CartPrefix.Length..], StringComparer.Ordinal))
            {
                carts.Add(pk[CartsTableKeys.CartPrefix.Length..]);
            }
        }

        return carts;
    }

    /// <summary>
    /// The keys to delete of a removed cart's partition (<paramref name="partition"/>: all of its rows, read after
    /// the removal): every row without a <c>ttl</c>; none while the partition has a <c>META</c> again.
    /// </summary>
    public static IReadOnlyList<Dictionary<string, AttributeValue>> ToDelete(IEnumerable<IReadOnlyDictionary<string, AttributeValue>> partition)
    {
        var keys = new List<Dictionary<string, AttributeValue>>();
        foreach (var row in partition)
        {
            var sk = row.GetValueOrDefault(KeyAttributes.SortKey)?.S;
            if (sk == CartsTableKeys.Meta)
            {
                return [];
            }

            if (!row.ContainsKey(KeyAttributes.TimeToLive))
            {
                keys.Add(new()
                {
                    [KeyAttributes.PartitionKey] = row[KeyAttributes.PartitionKey],
                    [KeyAttributes.SortKey] = row[KeyAttributes.SortKey],
                });
            }
        }

        return keys;
    }
}
