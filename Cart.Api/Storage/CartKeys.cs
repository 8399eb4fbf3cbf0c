using Cart.Api.Model;
using Idempotency;

namespace Cart.Api.Storage;

/// <summary>Every partition and sort key of the <c>carts</c> table, built and recognised in one place.</summary>
internal static class CartKeys
{
    private const string CartPrefix = CartsTableKeys.CartPrefix;
    private const string ItemPrefix = CartsTableKeys.ItemPrefix;
    private const string DiscountPrefix = CartsTableKeys.DiscountPrefix;
    private const string DevicePrefix = CartsTableKeys.DevicePrefix;
    private const string UserPrefix = CartsTableKeys.UserPrefix;
    private const string IdempotencyPrefix = CartsTableKeys.IdempotencyPrefix;
    private const string ProductPrefix = CartsTableKeys.ProductPrefix;
    private const string PromoPrefix = CartsTableKeys.PromoPrefix;

    /// <summary>The cart header's sort key.</summary>
    public const string Meta = CartsTableKeys.Meta;

    /// <summary>The sort key of a user's or device's pointer to its active cart.</summary>
    public const string ActiveCart = CartsTableKeys.ActiveCart;

    /// <summary>A SKU the item sort key cannot carry: <c>ITEM#DISC#</c> is where discount lines live.</summary>
    public const string ReservedSku = Skus.Reserved;

    /// <summary>The sort key of a catalog entry (product or promotion).</summary>
    public const string Catalog = CartsTableKeys.Catalog;

    /// <summary>
    /// The lowest sort key a cart read needs: <c>IDEM#</c> records sort before <c>ITEM#</c>, and <c>META</c> after,
    /// so <c>SK &gt;= "ITEM#"</c> reads lines, discounts and the header without the idempotency records.
    /// </summary>
    public const string CartReadFrom = ItemPrefix;

    public static string CartPk(string cartId) => CartPrefix + cartId;

    /// <summary>
    /// An idempotency record, scoped by its owner (<c>u-</c>user or <c>d-</c>device) so nobody else can replay it;
    /// (owner, key) encoded unambiguously, since a user id and a key may both hold <c>#</c>.
    /// </summary>
    public static string Idempotency(string ownerTag, IdempotencyKey key) => IdempotencyPrefix + IdempotencyScope.CallerKey(ownerTag, key);

    public static string ProductPk(string sku) => ProductPrefix + sku;

    public static string PromoPk(string code) => PromoPrefix + code;

    public static string ItemSk(string sku, string lineKey) => ItemPrefix + ItemId.Line(sku, lineKey);

    public static string DiscountSk(string promoId) => DiscountPrefix + promoId;

    public static string DevicePk(string deviceId) => DevicePrefix + deviceId;

    public static string UserPk(string userId) => UserPrefix + userId;

    public static bool IsDiscountSk(string sk) => sk.StartsWith(DiscountPrefix, StringComparison.Ordinal);

    public static bool IsItemSk(string sk) => sk.StartsWith(ItemPrefix, StringComparison.Ordinal) && !IsDiscountSk(sk);

    /// <summary>The <c>&lt;sku&gt;#&lt;lineKey&gt;</c> part of an item sort key (SKUs never contain <c>#</c>).</summary>
    public static string LineOf(string itemSk) => itemSk[ItemPrefix.Length..];

    /// <summary>The promo id of a discount sort key.</summary>
    public static string PromoIdOf(string discountSk) => discountSk[DiscountPrefix.Length..];

    /// <summary>Splits <c>&lt;sku&gt;#&lt;lineKey&gt;</c> at its first separator.</summary>
    public static (string Sku, string LineKey) SplitLine(string line) => ItemId.SplitLine(line);
}
