using System.Buffers;
using Microsoft.Extensions.Primitives;

namespace ServiceDefaults.Correlation;

/// <summary>
/// The <c>X-Request-Id</c> a client may send to correlate its request with our logs and traces. A sane
/// value is kept as sent; anything else (empty, too long, odd characters) is replaced, never rejected,
/// because a correlation id must not make a request fail.
/// </summary>
public static class RequestId
{
    public const string HeaderName = "X-Request-Id";

    /// <summary>Longer ids are replaced: they bloat every log line and span that carries them.</summary>
    public const int MaxLength = 128;

    // Letters, digits and the separators UUIDs, ULIDs and trace ids use; nothing that needs escaping in logs.
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");

    /// <summary>True when <paramref name="value"/> may be used as a request id as sent.</summary>
    public static bool IsSane(string? value) =>
        value is { Length: > 0 and <= MaxLength } && !value.AsSpan().ContainsAnyExcept(Allowed);

    /// <summary>The client's id when there is exactly one sane value; otherwise a new one.</summary>
    public static string FromHeader(StringValues header) =>
        header.Count == 1 && IsSane(header[0]) ? header[0]! : NewValue();

    /// <summary>A new id: a version 7 UUID, so ids sort by creation time.</summary>
    public static string NewValue() => Guid.CreateVersion7().ToString("N");
}
