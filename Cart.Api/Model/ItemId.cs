using Cart.Api.Apis;
using Cart.Api.Storage;
using System.Buffers.Text;
using System.Text;

namespace Cart.Api.Model;

/// <summary>The URL-safe item id clients see: base64url of <c>&lt;sku&gt;#&lt;lineKey&gt;</c>.</summary>
internal static class ItemId
{
    public static string From(string sku, string lineKey) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(CartKeys.Line(sku, lineKey)));

    /// <summary>The SKU and line key an item id names, or <c>null</c> when it is not one of ours.</summary>
    public static (string Sku, string LineKey)? TryParse(string itemId)
    {
        if (itemId.Length is 0 or > 512 || !Base64Url.IsValid(itemId))
        {
            return null;
        }

        var line = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(itemId));
        var (sku, lineKey) = CartKeys.SplitLine(line);
        return CartValidation.IsSku(sku) && lineKey.Length > 0 ? (sku, lineKey) : null;
    }
}
