namespace Events.Worker.Events;

/// <summary>
/// The key prefixes of the source tables (DESIGN §4–5), read only to classify changes. The services own these
/// layouts; the worker matches on them rather than on the services' C# types.
/// </summary>
internal static class SourceKeys
{
    public const string PartitionKey = "PK";
    public const string SortKey = "SK";

    public const string Cart = "CART#";
    public const string CartMeta = "META";
    public const string CartItem = "ITEM#";
    public const string CartIdempotency = "IDEM#";

    public const string Stock = "STOCK#";
    public const string SlotDay = "SLOTS#";
    public const string SlotBooking = "BOOKING#";

    public const string Account = "ACCOUNT#";
    public const string Audit = "AUDIT#";
    public const string User = "USER#";
    public const string Fraud = "FRAUD#";
    public const string Beneficiary = "BENEFICIARY#";
    public const string PaymentsIdempotency = "IDEMPOTENCY#";

    public const string Status = "status";
    public const string Version = "version";
    public const string EventType = "eventType";
    public const string UpdatedAt = "updatedAt";
    public const string CreatedAt = "createdAt";
    public const string OccurredAt = "occurredAt";
    public const string Sku = "sku";
    public const string SlotId = "slotId";
    public const string LastChange = "lastChange";

    public const string StockReserved = "RESERVED";
    public const string StockReleased = "RELEASED";

    public const string CartMerged = "MERGED";
    public const string CartCheckedOut = "CHECKED_OUT";

    /// <summary>The principal of deletions made by DynamoDB's TTL sweeper.</summary>
    public const string TimeToLivePrincipal = "dynamodb.amazonaws.com";
}
