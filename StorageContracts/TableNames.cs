namespace StorageContracts;

/// <summary>The tables' logical names; <c>DynamoDb:TablePrefix</c> makes them physical.</summary>
public static class TableNames
{
    public const string Carts = "carts";
    public const string Payments = "payments";
    public const string EventsLeases = "events-leases";
}
