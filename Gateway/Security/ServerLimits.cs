using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Gateway.Security;

/// <summary>
/// Kestrel's own limits, set well above <see cref="RequestLimitsOptions"/>. Kestrel answers a request over
/// its limits, or one it cannot parse, before any middleware runs and without a body (ASP.NET Core offers no
/// hook to write one: <c>IBadRequestExceptionFeature</c> only reports such a rejection to a diagnostic
/// listener). So the documented limits are the middleware's, which answers with a problem, and Kestrel's
/// sit above them as a backstop against absurd sizes.
/// </summary>
internal static class ServerLimits
{
    /// <summary>Request line (method, target, version); Kestrel's default is 8 KiB.</summary>
    public const int MaxRequestLineBytes = 64 * 1024;

    /// <summary>Header section; Kestrel's default is 32 KiB (a connection buffers at most this much of it).</summary>
    public const int MaxHeaderBytes = 128 * 1024;

    /// <summary>Header fields; Kestrel's default is 100.</summary>
    public const int MaxHeaderCount = 400;

    public static void Apply(KestrelServerOptions kestrel, RequestLimitsOptions limits)
    {
        // The middleware answers a declared oversized body with a problem; Kestrel stops chunked ones mid-stream.
        kestrel.Limits.MaxRequestBodySize = limits.MaxBodyBytes;
        kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes;
        kestrel.Limits.MaxRequestHeadersTotalSize = MaxHeaderBytes;
        kestrel.Limits.MaxRequestHeaderCount = MaxHeaderCount;
        kestrel.Limits.Http2.MaxRequestHeaderFieldSize = MaxHeaderBytes;
        kestrel.AddServerHeader = false;

        // Kestrel decodes header values as UTF-8 and rejects invalid bytes without a body. Latin-1 maps every byte
        // to a character, so such a value reaches RequestShape, which refuses anything non-ASCII with a problem.
        kestrel.RequestHeaderEncodingSelector = static _ => Encoding.Latin1;
    }
}
