using System.ComponentModel.DataAnnotations;

namespace Gateway.Security;

/// <summary>Size and shape limits on incoming requests (section <c>RequestLimits</c>).</summary>
internal sealed class RequestLimitsOptions
{
    public const string SectionName = "RequestLimits";

    /// <summary>Largest request body; carts and payments are small JSON documents.</summary>
    [Range(1, 100 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Longest request target (path and query), as sent.</summary>
    [Range(64, 64 * 1024)]
    public int MaxTargetLength { get; set; } = 2048;

    /// <summary>Longest single header value; a bearer token with every claim is a few kilobytes.</summary>
    [Range(256, 64 * 1024)]
    public int MaxHeaderValueLength { get; set; } = 8 * 1024;
}

[OptionsValidator]
internal sealed partial class RequestLimitsOptionsValidator : IValidateOptions<RequestLimitsOptions>;
