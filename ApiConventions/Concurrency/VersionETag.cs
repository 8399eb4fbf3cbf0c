using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ApiConventions.Concurrency;

/// <summary>Entity versions as strong ETags (<c>"7"</c>) and the <c>If-Match</c> precondition on them.</summary>
public static class VersionETag
{
    /// <summary>The ETag for a version.</summary>
    public static string Format(long version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    /// <summary>True when the request has no <c>If-Match</c>, has <c>*</c>, or lists this version.</summary>
    public static bool IfMatchAllows(HttpRequest request, long version) => IfMatchAllows(request.Headers.IfMatch, version);

    /// <summary>True when the <c>If-Match</c> values are none, <c>*</c>, or list this version.</summary>
    public static bool IfMatchAllows(StringValues header, long version)
    {
        if (header.Count == 0)
        {
            return true;
        }

        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            // Lenient with clients that send the bare version (If-Match: 7) instead of a quoted tag.
            return header.Count == 1 && long.TryParse(header[0], NumberStyles.None, CultureInfo.InvariantCulture, out var bare) && bare == version;
        }

        var current = new EntityTagHeaderValue(Format(version));
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: true));
    }

    /// <summary>Sets the response's ETag to the version.</summary>
    public static void SetETag(this HttpResponse response, long version) => response.Headers.ETag = Format(version);
}
