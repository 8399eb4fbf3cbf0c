namespace StorageContracts;

/// <summary>The Redis channels, streams and keys the services and the worker share.</summary>
public static class ChannelNames
{
    /// <summary>The pub/sub channel announcing committed cart changes (<c>&lt;cartId&gt;:&lt;version&gt;:&lt;sequence&gt;</c>) to every replica's local cache.</summary>
    public const string CartInvalidations = "cart-invalidations";

    /// <summary>The prefix of the event streams, one per source table: <c>events:carts</c>, <c>events:payments</c>.</summary>
    public const string EventStreamPrefix = "events:";

    /// <summary>The key of a cart's cached rendering (Cart.Api writes it through; the events worker settles it from the stream).</summary>
    public static string CartCacheKey(string cartId) => $"cart:{cartId}";

    /// <summary>
    /// The key of a cart's fill lease: a reader that found no current entry takes it before it reads DynamoDB, and may
    /// write what it read only while the lease is still its own. Every announced version deletes it (<see cref="CartCacheScripts"/>).
    /// </summary>
    public static string CartFillLeaseKey(string cartId) => $"cart-fill:{cartId}";

    /// <summary>The counter that numbers <paramref name="channel"/>'s messages, drawn in the script that publishes each one.</summary>
    public static string SequenceKeyOf(string channel) => $"{channel}:seq";
}
