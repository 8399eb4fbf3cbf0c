namespace StorageContracts;

/// <summary>A cart header's <c>status</c>.</summary>
public static class CartStatuses
{
    public const string Open = "OPEN";
    public const string Merged = "MERGED";
    public const string CheckingOut = "CHECKING_OUT";
    public const string CheckedOut = "CHECKED_OUT";
}

/// <summary>What a stock shard's last change was (<c>lastChange</c>): a checkout's take or its return.</summary>
public static class StockChanges
{
    public const string Reserved = "RESERVED";
    public const string Released = "RELEASED";
}

/// <summary>An account's <c>status</c>.</summary>
public static class AccountStatuses
{
    public const string Active = "ACTIVE";
    public const string Frozen = "FROZEN";
    public const string Closed = "CLOSED";
}
