namespace StorageContracts;

/// <summary>Item attributes that readers beyond the writing service rely on (the events worker maps changes by them).</summary>
public static class ItemAttributes
{
    public const string Status = "status";
    public const string Version = "version";
    public const string EventType = "eventType";
    public const string CreatedAt = "createdAt";
    public const string UpdatedAt = "updatedAt";
    public const string OccurredAt = "occurredAt";
    public const string Sku = "sku";
    public const string SlotId = "slotId";
    public const string LastChange = "lastChange";

    /// <summary>The user a user-owned item belongs to; a fraud event carries it because its partition may be a write shard.</summary>
    public const string UserId = "userId";
}
