namespace Cart.Api.Carts;

/// <summary>The <c>carts</c> single table: string PK/SK, streams with both images, TTL on <c>ttl</c>.</summary>
internal static class CartTable
{
    public const string LogicalName = "carts";

    public static TableDefinition Definition { get; } = new(LogicalName, CartAttributes.PartitionKey, CartAttributes.SortKey)
    {
        TimeToLiveAttribute = CartAttributes.Ttl,
    };
}
