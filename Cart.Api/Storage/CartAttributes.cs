using Cart.Api.Model;

namespace Cart.Api.Storage;

/// <summary>Attribute names of the <c>carts</c> table's items.</summary>
internal static class CartAttributes
{
    public const string PartitionKey = PlatformTableKeys.PartitionKey;
    public const string SortKey = PlatformTableKeys.SortKey;
    public const string Gsi1PartitionKey = PlatformTableKeys.Gsi1PartitionKey;
    public const string Gsi1SortKey = PlatformTableKeys.Gsi1SortKey;
    public const string CartId = "cartId";
    public const string Currency = "currency";
    public const string Status = ItemAttributes.Status;
    public const string Version = ItemAttributes.Version;
    public const string CreatedAt = ItemAttributes.CreatedAt;
    public const string UpdatedAt = ItemAttributes.UpdatedAt;
    public const string Ttl = PlatformTableKeys.TimeToLive;
    public const string DeviceId = "deviceId";
    public const string UserId = "userId";
    public const string MergedInto = "mergedInto";
    public const string PaymentTxnId = "paymentTxnId";
    public const string PaymentStatus = "paymentStatus";
    public const string PaymentAccountId = "paymentAccountId";
    public const string PaymentAmount = "paymentAmount";
    public const string PaymentPayerId = "paymentPayerId";
    public const string Sku = ItemAttributes.Sku;
    public const string LineKey = "lineKey";
    public const string Qty = "qty";
    public const string Attrs = "attrs";
    public const string PriceSnapshot = "priceSnapshot";
    public const string Amount = "amount";
    public const string Source = "source";
    public const string PromoCodes = "promoCodes";
    public const string Reason = "reason";
    public const string Scope = "scope";
    public const string Name = "name";
    public const string Price = "price";
    public const string Kind = "kind";
    public const string Value = "value";
    public const string Description = "description";
    public const string Category = "category";
    public const string StockShards = "stockShards";
    public const string SlotId = ItemAttributes.SlotId;
    public const string StartsAt = "startsAt";
    public const string EndsAt = "endsAt";
    public const string Capacity = "capacity";
    public const string Booked = "booked";
    public const string ExpiresAt = "expiresAt";
    public const string Shard = "shard";
    public const string Available = "available";
    public const string LastChange = ItemAttributes.LastChange;
    public const string LastCartId = "lastCartId";
    public const string LastQty = "lastQty";
    public const string HoldSlotId = "holdSlotId";
    public const string HoldExpiresAt = "holdExpiresAt";
    public const string Reservations = "reservations";
}
