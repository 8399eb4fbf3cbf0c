using System.ComponentModel.DataAnnotations;

namespace Gateway.Security;

/// <summary>
/// Size and shape limits on incoming requests (section <c>RequestLimits</c>), answered by the gateway with a
/// problem. Each maximum stays below the server backstop (<see cref="ServerLimits"/>), so a request over a
/// limit reaches the middleware that writes the problem instead of being cut off by Kestrel without a body.
/// </summary>
internal sealed class RequestLimitsOptions
{
    public const string SectionName = "RequestLimits";

    /// <summary>Largest request body; carts and payments are small JSON documents.</summary>
    [Range(1, 100 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Longest request target (path and query), as sent.</summary>
    [Range(64, ServerLimits.MaxRequestLineBytes / 2)]
    public int MaxTargetLength { get; set; } = 2048;

    /// <summary>Longest single header value; a bearer token with every claim is a few kilobytes.</summary>
    [Range(256, ServerLimits.MaxHeaderBytes / 4)]
    public int MaxHeaderValueLength { get; set; } = 8 * 1024;

    /// <summary>Most header fields in one request (Kestrel's own default, now answered with a problem).</summary>
    [Range(16, ServerLimits.MaxHeaderCount / 2)]
    public int MaxHeaderCount { get; set; } = 100;

    /// <summary>Largest header section, names and values (Kestrel's own default, now answered with a problem).</summary>
    [Range(1024, ServerLimits.MaxHeaderBytes / 2)]
    public int MaxHeadersTotalBytes { get; set; } = 32 * 1024;
}

[OptionsValidator]
internal sealed partial class RequestLimitsOptionsValidator : IValidateOptions<RequestLimitsOptions>;
