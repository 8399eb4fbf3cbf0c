using Cart.Api.Model;
using static DynamoDbStorage.AttributeValues;

namespace Cart.Api.Storage;

/// <summary>
/// Where the hold sweeper finds expired holds without a Scan: beside every hold it takes, a checkout writes a marker
/// into the partition of the minute the hold expires in (<c>HOLDS#&lt;yyyy-MM-ddTHH:mm&gt;</c>), sorted by its expiry
/// (<c>HOLD#&lt;expiresAt&gt;#&lt;cartId&gt;</c>); the release of the hold deletes it in the same transaction. Expired
/// holds are then a Query per minute that has passed. A marker only points at a cart: the cart's header is the hold's
/// record, and whether it is still unpaid is read there, never believed from the marker.
/// </summary>
internal static class HoldMarkers
{
    private const string BucketPrefix = "HOLDS#";
    private const string MarkerPrefix = "HOLD#";
    private const string BucketFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>The sweeper's progress: the last minute whose markers are all gone (shared by every replica).</summary>
    public const string CheckpointPk = "HOLDS";
    public const string CheckpointSk = "SWEPT";
    public const string SweptThrough = "sweptThrough";

    /// <summary>A marker outlives its hold by this long at most, should a sweeper never come (DynamoDB's TTL removes it).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    public static string BucketPk(long minute) => BucketPrefix + DateTimeOffset.FromUnixTimeSeconds(minute * 60).ToString(BucketFormat, CultureInfo.InvariantCulture);

    /// <summary>The minute (since the epoch) an expiry falls in.</summary>
    public static long MinuteOf(long expiresAt) => expiresAt / 60;

    public static string MarkerSk(long expiresAt, string cartId) => $"{MarkerPrefix}{Padded(expiresAt)}#{cartId}";

    /// <summary>The sort keys of every marker of a bucket that expired by <paramref name="seconds"/>, both ends included.</summary>
    public static (string Lower, string Upper) ExpiredBy(long seconds) => (MarkerPrefix, $"{MarkerPrefix}{Padded(seconds)}#~");

    public static Dictionary<string, AttributeValue> Key(string cartId, long expiresAt) =>
        CartWrites.Key(BucketPk(MinuteOf(expiresAt)), MarkerSk(expiresAt, cartId));

    /// <summary>Taken with the hold: unconditional, since the cart's own version guards the transaction.</summary>
    public static TransactWriteItem Put(string tableName, string cartId, long expiresAt) => new()
    {
        Put = new Put
        {
            TableName = tableName,
            Item = new Dictionary<string, AttributeValue>(Key(cartId, expiresAt))
            {
                [CartAttributes.CartId] = S(cartId),
                [CartAttributes.ExpiresAt] = N(expiresAt),
                [CartAttributes.Ttl] = N(expiresAt + (long)Retention.TotalSeconds),
            },
        },
    };

    /// <summary>Removed with the hold's release (decline, expiry); absent already is fine.</summary>
    public static TransactWriteItem Delete(string tableName, string cartId, long expiresAt) => new()
    {
        Delete = new Delete { TableName = tableName, Key = Key(cartId, expiresAt) },
    };

    public static HoldMarker ToMarker(IReadOnlyDictionary<string, AttributeValue> item) =>
        new(item.GetString(CartAttributes.CartId), item.GetLong(CartAttributes.ExpiresAt));

    private static string Padded(long seconds) => seconds.ToString("D12", CultureInfo.InvariantCulture);
}

/// <summary>A hold marker: the cart whose hold expires at <see cref="ExpiresAt"/> (unix seconds).</summary>
internal sealed record HoldMarker(string CartId, long ExpiresAt);
