namespace Cart.Api.Model;

/// <summary>
/// The canonical form of a line's attributes: <c>key:value</c> pairs, keys sorted ordinally, joined with
/// <c>;</c>. The same SKU with different attributes is a different line.
/// </summary>
internal static class LineKey
{
    /// <summary>The line key of a SKU without attributes (no canonical form contains a bare <c>-</c>).</summary>
    public const string Empty = "-";

    public static string Canonicalize(IReadOnlyDictionary<string, string>? attrs)
    {
        if (attrs is null || attrs.Count == 0)
        {
            return Empty;
        }

        return string.Join(';', attrs
            .OrderBy(attr => attr.Key, StringComparer.Ordinal)
            .Select(attr => $"{attr.Key}:{attr.Value}"));
    }
}
