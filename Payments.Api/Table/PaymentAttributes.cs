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
    public const string AccountId = "accountId";
    public const string UserId = "userId";
    public const string Currency = "currency";
    public const string Balance = "balance";
    public const string Status = "status";
    public const string Version = "version";
    public const string CreatedAt = "createdAt";
    public const string UpdatedAt = "updatedAt";
}
