namespace Payments.Api.Table;

/// <summary>Attribute names of the <c>payments</c> table's items.</summary>
internal static class PaymentAttributes
{
    public const string PartitionKey = "PK";
    public const string SortKey = "SK";
    public const string Gsi1PartitionKey = "GSI1PK";
    public const string Gsi1SortKey = "GSI1SK";
    public const string Gsi2PartitionKey = "GSI2PK";
    public const string Gsi2SortKey = "GSI2SK";
    public const string Gsi3PartitionKey = "GSI3PK";
    public const string Gsi3SortKey = "GSI3SK";
    public const string Ttl = "ttl";
    public const string Entity = "entity";
    public const string AccountId = "accountId";
    public const string UserId = "userId";
    public const string Currency = "currency";
    public const string Balance = "balance";
    public const string Status = "status";
    public const string Version = "version";
    public const string CreatedAt = "createdAt";
    public const string UpdatedAt = "updatedAt";
    public const string TransactionId = "txnId";
    public const string Kind = "kind";
    public const string Direction = "direction";
    public const string Amount = "amount";
    public const string MerchantId = "merchantId";
    public const string Description = "description";
    public const string RefundedAmount = "refundedAmount";
    public const string OriginalTransactionId = "originalTxnId";
    public const string EventId = "eventId";
    public const string EventType = "eventType";
    public const string Actor = "actor";
    public const string BeneficiaryId = "beneficiaryId";
    public const string Name = "name";
    public const string Iban = "iban";
    public const string Nickname = "nickname";
    public const string OccurredAt = "occurredAt";
    public const string Detail = "detail";
}
