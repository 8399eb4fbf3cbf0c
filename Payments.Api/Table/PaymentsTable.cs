namespace Payments.Api.Table;

/// <summary>
/// The <c>payments</c> single table: GSI1 transaction by id, GSI2 accounts by user, GSI3 transactions by
/// merchant (all projection ALL), streams with both images, TTL on <c>ttl</c>.
/// </summary>
internal static class PaymentsTable
{
    public const string LogicalName = "payments";
    public const string TransactionsById = "GSI1";
    public const string AccountsByUser = "GSI2";
    public const string TransactionsByMerchant = "GSI3";

    public static TableDefinition Definition { get; } = new(LogicalName, PaymentAttributes.PartitionKey, PaymentAttributes.SortKey)
    {
        GlobalIndexes =
        [
            new(TransactionsById, PaymentAttributes.Gsi1PartitionKey, PaymentAttributes.Gsi1SortKey),
            new(AccountsByUser, PaymentAttributes.Gsi2PartitionKey, PaymentAttributes.Gsi2SortKey),
            new(TransactionsByMerchant, PaymentAttributes.Gsi3PartitionKey, PaymentAttributes.Gsi3SortKey),
        ],
        TimeToLiveAttribute = PaymentAttributes.Ttl,
    };
}
