namespace StorageContracts;

/// <summary>The key prefixes and fixed keys of the <c>carts</c> table (DESIGN §4, §11): carts, pointers, catalog, stock, slots.</summary>
public static class CartsTableKeys
{
    public const string CartPrefix = "CART#";
    public const string ItemPrefix = "ITEM#";
    public const string DiscountPrefix = ItemPrefix + "DISC#";
    public const string DevicePrefix = "DEVICE#";
    public const string UserPrefix = "USER#";
    public const string IdempotencyPrefix = "IDEM#";
    public const string ProductPrefix = "PRODUCT#";
    public const string PromoPrefix = "PROMO#";
    public const string CategoryPrefix = "CATEGORY#";
    public const string StockPrefix = "STOCK#";
    public const string SlotDayPrefix = "SLOTS#";
    public const string SlotPrefix = "SLOT#";
    public const string BookingPrefix = "BOOKING#";

    /// <summary>The cart header's sort key.</summary>
    public const string Meta = "META";

    /// <summary>The sort key of a user's or device's pointer to its active cart.</summary>
    public const string ActiveCart = "ACTIVE_CART";

    /// <summary>The sort key of a catalog entry (product or promotion).</summary>
    public const string Catalog = "CATALOG";

    /// <summary>The partition of the category list.</summary>
    public const string Categories = "CATEGORIES";

    /// <summary>The sort key of every stock shard item.</summary>
    public const string StockShard = "STOCK";
}
