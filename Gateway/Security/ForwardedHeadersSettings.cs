using System.Net;

namespace Gateway.Security;

/// <summary>
/// The networks of the load balancer in front of the gateway (section <c>ForwardedHeaders</c>). A request from
/// one of them takes its client address and scheme from the <c>X-Forwarded-For</c>/<c>-Proto</c> entry the load
/// balancer appended; from anywhere else those headers are ignored, so a client cannot choose its address.
/// Without it, behind an ALB every client would share the ALB's addresses, and so one per-address rate limit.
/// </summary>
internal sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>CIDR ranges (<c>10.0.0.0/16</c>, the VPC's); none by default, as when clients connect directly.</summary>
    public string[] TrustedNetworks { get; set; } = [];
}

internal sealed class ForwardedHeadersSettingsValidator : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings options)
    {
        var invalid = options.TrustedNetworks.Where(network => !IPNetwork.TryParse(network, out _)).ToArray();
        return invalid.Length == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"ForwardedHeaders:TrustedNetworks must be CIDR ranges such as 10.0.0.0/16: {string.Join(", ", invalid)}");
    }
}
