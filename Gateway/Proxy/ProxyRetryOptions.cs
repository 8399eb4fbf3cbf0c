using System.ComponentModel.DataAnnotations;

namespace Gateway.Proxy;

/// <summary>How often the gateway tries another replica (section <c>ProxyRetry</c>); see <see cref="RetryPolicy"/>.</summary>
internal sealed class ProxyRetryOptions
{
    public const string SectionName = "ProxyRetry";

    /// <summary>Attempts in all, each on a replica not tried yet for this request.</summary>
    [Range(1, 5)]
    public int MaxAttempts { get; set; } = 2;
}

[OptionsValidator]
internal sealed partial class ProxyRetryOptionsValidator : IValidateOptions<ProxyRetryOptions>;
