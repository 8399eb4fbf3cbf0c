namespace Gateway.Security;

/// <summary>
/// Rejects request targets and headers no legitimate client sends: absurd lengths, dot segments
/// (Kestrel would quietly resolve <c>/carts/../accounts</c> to <c>/accounts</c>, so routing and the
/// services would disagree with the client about what was asked), encoded or back slashes, empty
/// segments and control characters.
/// </summary>
internal static class RequestShape
{
    /// <summary>The problem with the request target as sent, or <c>null</c> when it is sane.</summary>
    public static ApiError? CheckTarget(string rawTarget, int maxLength)
    {
        if (rawTarget.Length > maxLength)
        {
            return new(StatusCodes.Status414UriTooLong, ErrorCodes.BadRequest, "URI Too Long", $"The request target is longer than {maxLength} characters.");
        }

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

    /// <summary>The problem with one header value, or <c>null</c> when it is sane.</summary>
    public static ApiError? CheckHeader(string name, string? value, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            return new(StatusCodes.Status431RequestHeaderFieldsTooLarge, ErrorCodes.BadRequest, "Request Header Fields Too Large",
                $"The {name} header is longer than {maxLength} characters.");
        }

        // Tab is legal inside a field value; other controls only ever serve header injection.
        return value.Any(c => char.IsControl(c) && c != '\t')
            ? new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "Bad Request", $"The {name} header contains control characters.")
            : null;
    }

    private static bool EncodesSeparator(string path) =>
        path.Contains("%2f", StringComparison.OrdinalIgnoreCase) || path.Contains("%5c", StringComparison.OrdinalIgnoreCase);

    private static ApiError BadTarget(string detail) => new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "Bad Request", detail);
}
