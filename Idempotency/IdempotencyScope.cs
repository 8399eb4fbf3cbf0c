namespace Idempotency;

/// <summary>Where a key's record lives: which table and item (<c>PK</c>/<c>SK</c>) — the service decides the scope.</summary>
public sealed record IdempotencyScope(string TableName, string PartitionKey, string SortKey)
{
    public Dictionary<string, AttributeValue> Key() => new()
    {
        [IdempotencyItem.PartitionKey] = new AttributeValue(PartitionKey),
        [IdempotencyItem.SortKey] = new AttributeValue(SortKey),
    };
}
