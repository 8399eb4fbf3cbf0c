using System.ComponentModel.DataAnnotations;

namespace Cart.Api;

/// <summary>Cart behaviour settings (section <c>Carts</c>).</summary>
internal sealed class CartOptions
{
    public const string SectionName = "Carts";

    /// <summary>How long a guest cart lives after its last change.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan GuestCartLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long Redis keeps a rendered cart; short, because correctness never depends on it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CacheTimeToLive { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long past <see cref="CacheTimeToLive"/> Redis keeps a rendered cart as the last-known copy. It is never
    /// served as current: only when DynamoDB cannot answer a read, marked stale (<c>Cache-Status</c> with a negative
    /// <c>ttl</c>, and <c>Age</c>). Zero drops entries at their lifetime.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan CacheServeStaleFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest a single cache call may take before the request goes on without the cache.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:05")]
    public TimeSpan CacheOperationTimeout { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>After this many consecutive cache failures the breaker opens and requests skip Redis.</summary>
    [Range(1, 100)]
    public int CacheBreakerFailures { get; set; } = 2;

    /// <summary>How long an open breaker skips Redis before one probe may try it again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan CacheBreakerOpenFor { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The Redis pub/sub channel announcing committed changes (<c>&lt;cartId&gt;:&lt;version&gt;</c>).</summary>
    [Required]
    public string InvalidationChannel { get; set; } = ChannelNames.CartInvalidations;

    /// <summary>The Redis counter that numbers the channel's messages (<see cref="Caching.CartInvalidation"/>).</summary>
    public string InvalidationSequenceKey => ChannelNames.SequenceKeyOf(InvalidationChannel);

    /// <summary>The most rendered cart bytes each replica keeps in its local tier in front of Redis.</summary>
    [Range(1L << 20, 1L << 32)]
    public long LocalCacheMaxBytes { get; set; } = 32L << 20;

    /// <summary>
    /// Whether a change starts from the cart the cache tiers hold (local, then Redis) instead of a DynamoDB read: one
    /// DynamoDB call per change instead of two. The commit's version condition keeps it exact; a copy that turns out to
    /// be behind costs one refused transaction, then the change starts again from DynamoDB.
    /// </summary>
    public bool WritesStartFromCache { get; set; } = true;

    /// <summary>How long a write keeps retrying version conflicts (fresh read, jittered backoff) before answering 409.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan WriteRetryBudget { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an instance reuses a product it read to price added and changed lines (checkout re-reads the table).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ProductLookupLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Seed the development catalog at start-up; by default only in Development.</summary>
    public bool? SeedCatalog { get; set; }

    /// <summary>
    /// How long a checkout's hold (its delivery slot place and reserved stock) lasts before payment starts; past it,
    /// the place and the stock go back (DESIGN §11). Payment normally starts within the same request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CheckoutHoldLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a delivery slot's window is (slots are named by their start).</summary>
    [Range(typeof(TimeSpan), "00:15:00", "1.00:00:00")]
    public TimeSpan DeliverySlotLength { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Map the <c>/admin</c> endpoints (prices, stock, delivery slots); by default only in Development.</summary>
    public bool? AdminEndpoints { get; set; }

    /// <summary>The merchant that carts pay (Payments.Api's <c>merchantId</c>).</summary>
    [Required]
    public string MerchantId { get; set; } = "cart-store";
}

[OptionsValidator]
internal sealed partial class CartOptionsValidator : IValidateOptions<CartOptions>;
