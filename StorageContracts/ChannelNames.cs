namespace StorageContracts;

/// <summary>The Redis channels and streams the services and the worker share.</summary>
public static class ChannelNames
{
    /// <summary>The pub/sub channel announcing committed cart changes (<c>&lt;cartId&gt;:&lt;version&gt;</c>) to every replica's local cache.</summary>
    public const string CartInvalidations = "cart-invalidations";

    /// <summary>The prefix of the event streams, one per source table: <c>events:carts</c>, <c>events:payments</c>.</summary>
    public const string EventStreamPrefix = "events:";
}
