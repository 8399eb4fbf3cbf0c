using System.Buffers.Text;
using System.Text;

namespace Cart.Api.Model;

/// <summary>The URL-safe item id clients see: base64url of <c>&lt;sku&gt;#&lt;lineKey&gt;</c>.</summary>
internal static class ItemId
{
    /// <summary>
    /// The longest line (<c>&lt;sku&gt;#&lt;lineKey&gt;</c>) in UTF-8 bytes: its item id is then at most
    /// <see cref="MaxLength"/> characters, and the item's sort key stays far below DynamoDB's 1,024 bytes.
    /// </summary>
    public const int MaxLineBytes = 384;

    /// <summary>The longest item id: base64url of <see cref="MaxLineBytes"/> bytes.</summary>
    public const int MaxLength = MaxLineBytes / 3 * 4;

    private const char Separator = '#';

    public static string From(string sku, string lineKey) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Line(sku, lineKey)));

    /// <summary>The line (<c>&lt;sku&gt;#&lt;lineKey&gt;</c>) an item id encodes and an item's sort key ends with; SKUs never contain <c>#</c>.</summary>
    public static string Line(string sku, string lineKey) => $"{sku}{Separator}{lineKey}";

    /// <summary>Whether the line fits <see cref="MaxLineBytes"/>, so its item id can be parsed back and its sort key stored.</summary>
    public static bool Fits(string sku, string lineKey) => Encoding.UTF8.GetByteCount(Line(sku, lineKey)) <= MaxLineBytes;

    /// <summary>Splits <c>&lt;sku&gt;#&lt;lineKey&gt;</c> at its first separator.</summary>
    public static (string Sku, string LineKey) SplitLine(string line)
    {
        var separator = line.IndexOf(Separator, StringComparison.Ordinal);
        return separator < 0 ? (line, string.Empty) : (line[..separator], line[(separator + 1)..]);
    }

    /// <summary>The SKU and line key an item id names, or <c>null</c> when it is not one of ours.</summary>
    public static (string Sku, string LineKey)? TryParse(string itemId)
    {
        if (itemId.Length is 0 or > MaxLength || !Base64Url.IsValid(itemId))
        {
            return null;
        }

        var line = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(itemId));
        var (sku, lineKey) = SplitLine(line);
        return Skus.IsWellFormed(sku) && lineKey.Length > 0 ? (sku, lineKey) : null;
    }
}
