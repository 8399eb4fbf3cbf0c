using System.ComponentModel.DataAnnotations;

namespace Events.Worker;

/// <summary>Where events go (section <c>Events</c>).</summary>
public sealed class EventsOptions
{
    public const string SectionName = "Events";

    /// <summary>Redis stream key per source: <c>events:carts</c>, <c>events:payments</c>.</summary>
    [Required]
    public string StreamKeyPrefix { get; set; } = ChannelNames.EventStreamPrefix;

    /// <summary>
    /// Approximate cap of each Redis stream (<c>XADD … MAXLEN ~</c>). Trimming ignores consumer groups: a group that falls
    /// this far behind loses its oldest unread events (<see cref="Publishing.StreamGroupsLagHealthCheck"/> says so first).
    /// </summary>
    [Range(1L, long.MaxValue)]
    public long MaxStreamLength { get; set; } = 100_000;

    /// <summary>How often <see cref="Publishing.StreamGroupsMonitor"/> looks at the streams' consumer groups (lag, entries lost).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan StreamGroupsCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Pub/sub channel of cart cache invalidations (Cart.Api publishes on the same one).</summary>
    public string InvalidationChannel { get; set; } = ChannelNames.CartInvalidations;

    /// <summary>
    /// How long a version floor (<see cref="Publishing.CartCacheSettler"/>) keeps fills of older versions out: Cart.Api's
    /// <c>Carts:CacheTimeToLive</c>, the longest an entry is served as current.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CartCacheFloorLifetime { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The local audit archive folder; keys below it follow the S3 layout (<c>audit/yyyy/MM/dd/…</c>).</summary>
    [Required]
    public string AuditDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "events-worker");

    /// <summary>The S3 bucket of the audit archive (production); when set, the archive goes to S3 instead of the folder.</summary>
    public string? AuditBucket { get; set; }

    /// <summary>
    /// How often <see cref="Streams.StreamHeartbeat"/> rewrites its item in each source table; off when unset (production:
    /// real DynamoDB has no cost to make up for). The AppHost sets it against DynamoDB Local.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan? StreamHeartbeatInterval { get; set; }
}

[OptionsValidator]
internal sealed partial class EventsOptionsValidator : IValidateOptions<EventsOptions>;
