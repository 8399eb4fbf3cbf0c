namespace Payments.Api.Table;

/// <summary>Attribute names of the <c>payments</c> table's items.</summary>
internal static class PaymentAttributes
{
    public const string PartitionKey = PlatformTableKeys.PartitionKey;
    public const string SortKey = PlatformTableKeys.SortKey;
    public const string Gsi1PartitionKey = PlatformTableKeys.Gsi1PartitionKey;
    public const string Gsi1SortKey = PlatformTableKeys.Gsi1SortKey;
    public const string Gsi2PartitionKey = PlatformTableKeys.Gsi2PartitionKey;
    public const string Gsi2SortKey = PlatformTableKeys.Gsi2SortKey;
    public const string Gsi3PartitionKey = PlatformTableKeys.Gsi3PartitionKey;
    public const string Gsi3SortKey = PlatformTableKeys.Gsi3SortKey;
    public const string Ttl = PlatformTableKeys.TimeToLive;
    public const string Entity = "entity";
    public const string AccountId = "accountId";
    public const string UserId = ItemAttributes.UserId;
    public const string Currency = "currency";
    public const string Balance = "balance";
    public const string Status = ItemAttributes.Status;
    public const string Version = ItemAttributes.Version;
    public const string CreatedAt = ItemAttributes.CreatedAt;
    public const string UpdatedAt = ItemAttributes.UpdatedAt;
    public const string TransactionId = "txnId";
    public const string Kind = "kind";
    public const string Direction = "direction";
    public const string Amount = "amount";
    public const string MerchantId = "merchantId";
    public const string Description = "description";
    public const string RefundedAmount = "refundedAmount";
    public const string OriginalTransactionId = "originalTxnId";
    public const string EventId = "eventId";
    public const string EventType = ItemAttributes.EventType;
    public const string Actor = "actor";
    public const string BeneficiaryId = "beneficiaryId";
    public const string Name = "name";
    public const string Iban = "iban";
    public const string Nickname = "nickname";
    public const string OccurredAt = "occurredAt";
    public const string Detail = "detail";
}
