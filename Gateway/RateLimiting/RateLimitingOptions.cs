using System.ComponentModel.DataAnnotations;

namespace Gateway.RateLimiting;

/// <summary>
/// The token bucket every client gets (section <c>RateLimiting</c>). The defaults are generous — a burst
/// of 1,000 requests and 1,000 per second sustained per client — so load tests and benchmarks that run
/// as one client are not throttled; production tightens them in configuration.
/// </summary>
internal sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Bucket size: the largest burst a client may send at once.</summary>
    [Range(1, 1_000_000)]
    public int TokenLimit { get; set; } = 1000;

    /// <summary>Tokens added back every <see cref="ReplenishmentPeriod"/>.</summary>
    [Range(1, 1_000_000)]
    public int TokensPerPeriod { get; set; } = 1000;

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}

[OptionsValidator]
internal sealed partial class RateLimitingOptionsValidator : IValidateOptions<RateLimitingOptions>;
