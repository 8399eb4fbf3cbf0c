using System.ComponentModel.DataAnnotations;

namespace Gateway.RateLimiting;

/// <summary>One token bucket: a burst of <see cref="TokenLimit"/>, refilled by <see cref="TokensPerPeriod"/> every <see cref="ReplenishmentPeriod"/>.</summary>
internal sealed class TokenBucketSettings
{
    /// <summary>Bucket size: the largest burst a client may send at once.</summary>
    [Range(1, 1_000_000)]
    public int TokenLimit { get; set; }

    /// <summary>Tokens added back every <see cref="ReplenishmentPeriod"/>: the sustained rate.</summary>
    [Range(1, 1_000_000)]
    public int TokensPerPeriod { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
