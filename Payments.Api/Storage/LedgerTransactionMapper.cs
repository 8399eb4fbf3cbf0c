using static DynamoDbStorage.AttributeValues;

namespace Payments.Api.Storage;

/// <summary>Maps transactions to their item, with GSI1 (by id) and, for merchant payments, GSI3 (by merchant) keys.</summary>
internal static class LedgerTransactionMapper
{
    public const string EntityName = "Transaction";

    /// <summary>The sort key of a transaction in its account's partition: <c>TXN#&lt;ts&gt;#&lt;txnId&gt;</c>.</summary>
    public static string SortKeyOf(LedgerTransaction txn) => PaymentKeys.TransactionSk(txn.CreatedAt, txn.TxnId);

    public static Dictionary<string, AttributeValue> ToItem(LedgerTransaction txn)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [PaymentAttributes.PartitionKey] = S(PaymentKeys.AccountPk(txn.AccountId)),
            [PaymentAttributes.SortKey] = S(SortKeyOf(txn)),
            [PaymentAttributes.Gsi1PartitionKey] = S(PaymentKeys.TransactionPk(txn.TxnId)),
            [PaymentAttributes.Gsi1SortKey] = S(PaymentKeys.AccountPk(txn.AccountId)),
            [PaymentAttributes.Entity] = S(EntityName),
            [PaymentAttributes.TransactionId] = S(txn.TxnId),
            [PaymentAttributes.AccountId] = S(txn.AccountId),
            [PaymentAttributes.UserId] = S(txn.UserId),
            [PaymentAttributes.Kind] = S(txn.Kind),
            [PaymentAttributes.Direction] = S(txn.Direction),
            [PaymentAttributes.Amount] = N(txn.Amount),
            [PaymentAttributes.Currency] = S(txn.Currency),
            [PaymentAttributes.Status] = S(txn.Status),
            [PaymentAttributes.RefundedAmount] = N(txn.RefundedAmount),
            [PaymentAttributes.CreatedAt] = S(txn.CreatedAt),
        };

        if (txn.MerchantId is { } merchantId)
        {
            item[PaymentAttributes.MerchantId] = S(merchantId);
            item[PaymentAttributes.Gsi3PartitionKey] = S(PaymentKeys.MerchantPk(merchantId));
            item[PaymentAttributes.Gsi3SortKey] = S(PaymentKeys.MerchantTransactionSk(txn.CreatedAt));
        }

        if (txn.OriginalTxnId is { } original)
        {
            item[PaymentAttributes.OriginalTransactionId] = S(original);
        }

        if (txn.Description is { } description)
        {
            item[PaymentAttributes.Description] = S(description);
        }

        return item;
    }

    public static LedgerTransaction FromItem(IReadOnlyDictionary<string, AttributeValue> item) => new(
        item.GetString(PaymentAttributes.TransactionId),
        item.GetString(PaymentAttributes.AccountId),
        item.GetString(PaymentAttributes.UserId),
        item.GetString(PaymentAttributes.Kind),
        item.GetString(PaymentAttributes.Direction),
        item.GetLong(PaymentAttributes.Amount),
        item.GetString(PaymentAttributes.Currency),
        item.GetStringOrNull(PaymentAttributes.MerchantId),
        item.GetString(PaymentAttributes.Status),
        item.GetLongOrNull(PaymentAttributes.RefundedAmount) ?? 0,
        item.GetStringOrNull(PaymentAttributes.OriginalTransactionId),
        item.GetStringOrNull(PaymentAttributes.Description),
        item.GetString(PaymentAttributes.CreatedAt));

    /// <summary>A Put of a new transaction that never overwrites one.</summary>
    public static TransactWriteItem NewItemPut(string tableName, LedgerTransaction txn) => new()
    {
        Put = new Put
        {
            TableName = tableName,
            Item = ToItem(txn),
            ConditionExpression = "attribute_not_exists(#pk)",
            ExpressionAttributeNames = new() { ["#pk"] = PaymentAttributes.PartitionKey },
        },
    };
}
