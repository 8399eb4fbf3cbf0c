using System.Globalization;
using static DynamoDbStorage.AttributeValues;

namespace Payments.Api.Storage;

/// <summary>
/// Where a shopper's page of a merchant's transactions ends: the time of the last transaction looked at, and how many
/// of the shopper's own transactions at exactly that time were already returned. The merchant's index holds every
/// customer's rows, so DynamoDB's own <c>LastEvaluatedKey</c> can name another customer's account and transaction;
/// this position names a time and a count of the caller's own rows, nothing of anyone else's.
/// </summary>
internal sealed record MerchantPosition(string Timestamp, int Returned)
{
    /// <summary>The cursor attribute that carries <see cref="Returned"/>; not a table attribute (ours never start with '~').</summary>
    public const string ReturnedAttribute = "~returned";

    /// <summary>The position just after <paramref name="items"/>, the last page, read from <paramref name="from"/>.</summary>
    public static MerchantPosition After(IReadOnlyList<LedgerTransaction> items, MerchantPosition? from)
    {
        var timestamp = items[^1].CreatedAt;
        var earlier = from is not null && from.Timestamp == timestamp ? from.Returned : 0;
        return new MerchantPosition(timestamp, earlier + items.Count(item => item.CreatedAt == timestamp));
    }

    /// <summary>The position at <paramref name="sortKey"/> (GSI3's <c>TXN#&lt;timestamp&gt;</c>), none of the caller's rows there returned but those <paramref name="from"/> counted.</summary>
    public static MerchantPosition At(string sortKey, MerchantPosition? from)
    {
        var timestamp = sortKey[PaymentKeys.TransactionSkPrefix.Length..];
        return new MerchantPosition(timestamp, from is not null && from.Timestamp == timestamp ? from.Returned : 0);
    }

    /// <summary>The cursor's attributes (see <see cref="PageScopes.ShopperMerchantTransactions"/>).</summary>
    public Dictionary<string, AttributeValue> ToCursorKey(string merchantId) => new()
    {
        [PaymentAttributes.Gsi3PartitionKey] = S(PaymentKeys.MerchantPk(merchantId)),
        [PaymentAttributes.Gsi3SortKey] = S(PaymentKeys.MerchantTransactionSk(Timestamp)),
        [ReturnedAttribute] = S(Returned.ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>The position a decoded cursor stands for (its attributes already held to the scope).</summary>
    public static MerchantPosition? FromCursorKey(Dictionary<string, AttributeValue>? key) => key is null ? null : new(
        key[PaymentAttributes.Gsi3SortKey].S[PaymentKeys.TransactionSkPrefix.Length..],
        int.Parse(key[ReturnedAttribute].S, NumberStyles.None, CultureInfo.InvariantCulture));

    /// <summary>A count a cursor may carry: digits only, at most the rows one request reads.</summary>
    public static bool IsCount(string value) =>
        value.Length is > 0 and <= 4 && value.All(char.IsAsciiDigit) && int.Parse(value, CultureInfo.InvariantCulture) <= 1_000;
}
