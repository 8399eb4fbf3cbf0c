using System.ComponentModel.DataAnnotations;

namespace Gateway.RateLimiting;

/// <summary>
/// The token buckets in front of every route (section <c>RateLimiting</c>): one per client (the signed-in user,
/// else the device) and one per address, which also catches a client that drops or rotates its device cookie.
/// The defaults fit a storefront: a page load is a handful of API calls and a busy shopper a few a second, so
/// a client may burst 40 and keep up 20 a second; an address is shared by a household, an office or a
/// carrier-grade NAT, so it gets ten times that. Load tests and benchmarks, which send as one client what many
/// users would, set their own.
/// </summary>
internal sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Per signed-in user (<c>sub</c>), else per device (<c>deviceId</c> cookie).</summary>
    [Required]
    [ValidateObjectMembers]
    public TokenBucketSettings Client { get; set; } = new() { TokenLimit = 40, TokensPerPeriod = 20 };

    /// <summary>Per client address (behind a load balancer, the one it forwards: <c>ForwardedHeaders</c>).</summary>
    [Required]
    [ValidateObjectMembers]
    public TokenBucketSettings Ip { get; set; } = new() { TokenLimit = 400, TokensPerPeriod = 200 };
}

[OptionsValidator]
internal sealed partial class RateLimitingOptionsValidator : IValidateOptions<RateLimitingOptions>;
