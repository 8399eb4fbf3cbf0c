using System.Buffers;

namespace Gateway.Security;

/// <summary>
/// Rejects request targets and headers no legitimate client sends: absurd lengths, dot segments
/// (Kestrel would quietly resolve <c>/carts/../accounts</c> to <c>/accounts</c>, so routing and the
/// services would disagree with the client about what was asked), encoded or back slashes, empty
/// segments and control characters; methods the gateway does not serve; header values the services
/// could not be sent (non-ASCII: the forwarder's HttpClient refuses them, which was a 502).
/// </summary>
internal static class RequestShape
{
    private static readonly SearchValues<char> VisibleOrTab = SearchValues.Create("\t !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>What the routes serve, as CORS advertises it, and OPTIONS for preflights; the <c>Allow</c> of a 405.</summary>
    public static readonly string[] ServedMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    /// <summary>
    /// The problem with the method, or <c>null</c> when the gateway serves it. CONNECT and TRACE have no
    /// business at an API (a tunnel; an echo of the request, credentials included); HEAD is not served (a
    /// storefront never sends it, and it would cost a full read for a body thrown away); any other method is
    /// unknown to every service.
    /// </summary>
    public static ApiError? CheckMethod(string method) =>
        method is "GET" or "POST" or "PUT" or "PATCH" or "DELETE" or "OPTIONS"
            ? null
            : new(StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed, "Method Not Allowed",
                $"The gateway does not serve {Abbreviate(method, 16)}; it serves {string.Join(", ", ServedMethods)}.");

    /// <summary>The problem with the request target as sent, or <c>null</c> when it is sane.</summary>
    public static ApiError? CheckTarget(string rawTarget, int maxLength)
    {
        if (rawTarget.Length > maxLength)
        {
            return new(StatusCodes.Status414UriTooLong, ErrorCodes.BadRequest, "URI Too Long", $"The request target is longer than {maxLength} characters.");
        }

        return IsPlainTarget(rawTarget) ? null : CheckUnusualTarget(rawTarget);
    }

    /// <summary>
    /// The shape of almost every request, proven sane in a few vectorized scans without allocating: an absolute path of
    /// visible ASCII with no escapes, back slashes, empty segments or segments starting with a dot (the query may hold
    /// anything visible). Anything else gets the full check.
    /// </summary>
    private static bool IsPlainTarget(string rawTarget)
    {
        var target = rawTarget.AsSpan();
        if (target.IsEmpty || target[0] != '/' || target.ContainsAnyExceptInRange('!', '~'))
        {
            return false;
        }

        var queryStart = target.IndexOf('?');
        var path = queryStart < 0 ? target : target[..queryStart];
        return !path.ContainsAny('%', '\\') && !path.Contains("//", StringComparison.Ordinal) && !path.Contains("/.", StringComparison.Ordinal);
    }

    private static ApiError? CheckUnusualTarget(string rawTarget)
    {
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        if (!path.StartsWith('/'))
        {
            return BadTarget("The request target must be an absolute path.");
        }

        // Invalid escapes (%zz) stay as they are, as Kestrel leaves them.
        var decoded = Uri.UnescapeDataString(path);
        if (decoded.Any(char.IsControl) || rawTarget.Any(char.IsControl))
        {
            return BadTarget("The request target contains control characters.");
        }

        // Percent-decoding first also catches %2e%2e, %2f and %5c.
        if (decoded.Contains('\\', StringComparison.Ordinal) || EncodesSeparator(path))
        {
            return BadTarget("The request path contains an encoded or back slash.");
        }

        var segments = decoded[1..].Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i] is "." or "..")
            {
                return BadTarget("The request path contains a dot segment.");
            }

            // A trailing slash is harmless; "//" elsewhere makes routes and services split the path differently.
            if (segments[i].Length == 0 && i < segments.Length - 1)
            {
                return BadTarget("The request path contains an empty segment.");
            }
        }

        return null;
    }

    /// <summary>
    /// The problem with the headers — the section as a whole first (<see cref="CheckHeaderSection"/>), then the first
    /// value in order that fails <see cref="CheckHeader"/> — or <c>null</c>. One pass over the headers.
    /// </summary>
    public static ApiError? CheckHeaders(IHeaderDictionary headers, int maxCount, int maxTotalBytes, int maxValueLength)
    {
        var count = 0;
        var total = 0;
        ApiError? firstValueError = null;
        foreach (var header in headers)
        {
            foreach (var value in header.Value)
            {
                count++;
                total += header.Key.Length + (value?.Length ?? 0) + 4; // "name: value\r\n", as Kestrel counts it
                firstValueError ??= CheckHeader(header.Key, value, maxValueLength);
            }
        }

        return SectionError(count, total, maxCount, maxTotalBytes) ?? firstValueError;
    }

    /// <summary>The problem with the header section as a whole (field count, total size), or <c>null</c>.</summary>
    public static ApiError? CheckHeaderSection(IHeaderDictionary headers, int maxCount, int maxTotalBytes)
    {
        var count = 0;
        var total = 0;
        foreach (var header in headers)
        {
            foreach (var value in header.Value)
            {
                count++;
                total += header.Key.Length + (value?.Length ?? 0) + 4; // "name: value\r\n", as Kestrel counts it
            }
        }

        return SectionError(count, total, maxCount, maxTotalBytes);
    }

    /// <summary>The problem with one header value, or <c>null</c> when it is sane.</summary>
    public static ApiError? CheckHeader(string name, string? value, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            return TooLarge($"The {name} header is longer than {maxLength} characters.");
        }

        // Nearly every value is visible ASCII and spaces only: one vectorized scan proves it.
        var text = value.AsSpan();
        var odd = text.IndexOfAnyExceptInRange(' ', '~');
        if (odd < 0)
        {
            return null;
        }

        // Kestrel hands the bytes over as Latin-1 (ServerLimits), so a UTF-8 or invalid byte shows up here as a char
        // over 0x7F (checked first: UTF-8 continuation bytes 0x80-0x9F read as C1 controls).
        if (text[odd..].ContainsAnyExceptInRange('\u0000', '\u007f'))
        {
            return new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "Bad Request", $"The {name} header contains non-ASCII characters.");
        }

        // Tab is legal inside a field value; other controls only ever serve header injection.
        return text[odd..].ContainsAnyExcept(VisibleOrTab)
            ? new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "Bad Request", $"The {name} header contains control characters.")
            : null;
    }

    private static ApiError? SectionError(int count, int total, int maxCount, int maxTotalBytes) =>
        count > maxCount ? TooLarge($"The request has {count} header fields; at most {maxCount} are accepted.")
        : total > maxTotalBytes ? TooLarge($"The request headers take {total} bytes; at most {maxTotalBytes} are accepted.")
        : null;

    private static ApiError TooLarge(string detail) =>
        new(StatusCodes.Status431RequestHeaderFieldsTooLarge, ErrorCodes.BadRequest, "Request Header Fields Too Large", detail);

    /// <summary><paramref name="value"/> cut to <paramref name="max"/> characters, so a problem never echoes an absurd input whole.</summary>
    public static string Abbreviate(string value, int max) => value.Length <= max ? value : value[..max] + "…";

    private static bool EncodesSeparator(string path) =>
        path.Contains("%2f", StringComparison.OrdinalIgnoreCase) || path.Contains("%5c", StringComparison.OrdinalIgnoreCase);

    private static ApiError BadTarget(string detail) => new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "Bad Request", detail);
}
