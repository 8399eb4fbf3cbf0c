using static DynamoDbStorage.AttributeValues;

namespace Payments.Api.Ledger;

/// <summary>An append-only audit entry of an account (<c>AUDIT#&lt;ts&gt;#&lt;eventId&gt;</c>).</summary>
internal sealed record AuditEntry(
    string EventId,
    string AccountId,
    string EventType,
    string Actor,
    string At,
    string? TxnId = null,
    long? Amount = null,
    string? Currency = null,
    string? Detail = null)
{
    public const string EntityName = "Audit";

    public static AuditEntry For(string accountId, string eventType, string actor, string at, string? txnId = null, long? amount = null, string? currency = null, string? detail = null) =>
        new(Guid.NewGuid().ToString("N"), accountId, eventType, actor, at, txnId, amount, currency, detail);

    public Dictionary<string, AttributeValue> ToItem()
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [PaymentAttributes.PartitionKey] = S(PaymentKeys.AccountPk(AccountId)),
            [PaymentAttributes.SortKey] = S(PaymentKeys.AuditSk(At, EventId)),
            [PaymentAttributes.Entity] = S(EntityName),
            [PaymentAttributes.EventId] = S(EventId),
            [PaymentAttributes.AccountId] = S(AccountId),
            [PaymentAttributes.EventType] = S(EventType),
            [PaymentAttributes.Actor] = S(Actor),
            [PaymentAttributes.CreatedAt] = S(At),
        };
        if (TxnId is not null)
        {
            item[PaymentAttributes.TransactionId] = S(TxnId);
        }

        if (Amount is { } amount)
        {
            item[PaymentAttributes.Amount] = N(amount);
        }

        if (Currency is not null)
        {
            item[PaymentAttributes.Currency] = S(Currency);
        }

        if (Detail is not null)
        {
            item[PaymentAttributes.Detail] = S(Detail);
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

    public TransactWriteItem ToPut(string tableName) => new()
    {
        Put = new Put
        {
            TableName = tableName,
            Item = ToItem(),
            ConditionExpression = "attribute_not_exists(#pk)",
            ExpressionAttributeNames = new() { ["#pk"] = PaymentAttributes.PartitionKey },
        },
    };
}

/// <summary>The audit event types.</summary>
internal static class AuditEvents
{
    public const string AccountOpened = "ACCOUNT_OPENED";
    public const string AccountClosed = "ACCOUNT_CLOSED";
    public const string DepositReceived = "DEPOSIT_RECEIVED";
    public const string PaymentCaptured = "PAYMENT_CAPTURED";
    public const string PaymentDeclined = "PAYMENT_DECLINED";
    public const string RefundIssued = "REFUND_ISSUED";
}
