namespace StorageContracts;

/// <summary>The key prefixes and fixed keys of the <c>payments</c> table (DESIGN §5).</summary>
public static class PaymentsTableKeys
{
    public const string AccountPrefix = "ACCOUNT#";
    public const string UserPrefix = "USER#";
    public const string TransactionPrefix = "TXN#";
    public const string AuditPrefix = "AUDIT#";
    public const string IdempotencyPrefix = "IDEMPOTENCY#";
    public const string MerchantPrefix = "MERCHANT#";
    public const string BeneficiaryPrefix = "BENEFICIARY#";
    public const string FraudPrefix = "FRAUD#";
    public const string ShardInfix = "#SHARD#";

    /// <summary>The sort key of an account's (and an idempotency record's) metadata item.</summary>
    public const string Metadata = "METADATA";
}
