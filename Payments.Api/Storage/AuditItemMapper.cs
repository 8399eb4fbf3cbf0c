using static DynamoDbStorage.AttributeValues;

namespace Payments.Api.Storage;

/// <summary>Maps audit entries to and from their <c>ACCOUNT#&lt;id&gt;</c> / <c>AUDIT#&lt;ts&gt;#&lt;eventId&gt;</c> item, and appends them.</summary>
internal static class AuditItemMapper
{
    public const string EntityName = "Audit";

    public static Dictionary<string, AttributeValue> ToItem(AuditEntry entry)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [PaymentAttributes.PartitionKey] = S(PaymentKeys.AccountPk(entry.AccountId)),
            [PaymentAttributes.SortKey] = S(PaymentKeys.AuditSk(entry.At, entry.EventId)),
            [PaymentAttributes.Entity] = S(EntityName),
            [PaymentAttributes.EventId] = S(entry.EventId),
            [PaymentAttributes.AccountId] = S(entry.AccountId),
            [PaymentAttributes.EventType] = S(entry.EventType),
            [PaymentAttributes.Actor] = S(entry.Actor),
            [PaymentAttributes.CreatedAt] = S(entry.At),
        };
        if (entry.TxnId is not null)
        {
            item[PaymentAttributes.TransactionId] = S(entry.TxnId);
        }

        if (entry.Amount is { } amount)
        {
            item[PaymentAttributes.Amount] = N(amount);
        }

        if (entry.Currency is not null)
        {
            item[PaymentAttributes.Currency] = S(entry.Currency);
        }

        if (entry.Detail is not null)
        {
            item[PaymentAttributes.Detail] = S(entry.Detail);
        }

        return item;
    }

    public static AuditEntry FromItem(IReadOnlyDictionary<string, AttributeValue> item) => new(
        item.GetString(PaymentAttributes.EventId),
        item.GetString(PaymentAttributes.AccountId),
        item.GetString(PaymentAttributes.EventType),
        item.GetString(PaymentAttributes.Actor),
        item.GetString(PaymentAttributes.CreatedAt),
        item.GetStringOrNull(PaymentAttributes.TransactionId),
        item.GetLongOrNull(PaymentAttributes.Amount),
        item.GetStringOrNull(PaymentAttributes.Currency),
        item.GetStringOrNull(PaymentAttributes.Detail));

    /// <summary>The Put that appends an entry; it never overwrites one.</summary>
    public static TransactWriteItem Append(string tableName, AuditEntry entry) => new()
    {
        Put = new Put
        {
            TableName = tableName,
            Item = ToItem(entry),
            ConditionExpression = "attribute_not_exists(#pk)",
            ExpressionAttributeNames = new() { ["#pk"] = PaymentAttributes.PartitionKey },
        },
    };
}
