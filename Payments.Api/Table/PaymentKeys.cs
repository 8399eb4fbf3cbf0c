namespace Payments.Api.Table;

/// <summary>Every partition, sort and index key of the <c>payments</c> table, built in one place.</summary>
internal static class PaymentKeys
{
    private const string AccountPrefix = "ACCOUNT#";
    private const string UserPrefix = "USER#";
    private const string TransactionPrefix = "TXN#";
    private const string AuditPrefix = "AUDIT#";
    private const string IdempotencyPrefix = "IDEMPOTENCY#";
    private const string MerchantPrefix = "MERCHANT#";
    private const string BeneficiaryPrefix = "BENEFICIARY#";
    private const string FraudPrefix = "FRAUD#";
    private const char Separator = '#';

    /// <summary>The sort key of an account's (and an idempotency record's) metadata item.</summary>
    public const string Metadata = "METADATA";

    public static string AccountPk(string accountId) => AccountPrefix + accountId;

    public static string UserPk(string userId) => UserPrefix + userId;

    /// <summary>GSI2: accounts by user — partition <c>USER#&lt;userId&gt;</c>, sort <c>ACCOUNT#&lt;accountId&gt;</c>.</summary>
    public static string AccountsOfUserSk(string accountId) => AccountPrefix + accountId;

    public static string TransactionSk(string timestamp, string transactionId) => $"{TransactionPrefix}{timestamp}{Separator}{transactionId}";

    /// <summary>GSI1: transaction by id.</summary>
    public static string TransactionPk(string transactionId) => TransactionPrefix + transactionId;

    public static string AuditSk(string timestamp, string eventId) => $"{AuditPrefix}{timestamp}{Separator}{eventId}";

    /// <summary>Idempotency records are scoped to the caller, so one client's key never replays another's response.</summary>
    public static string IdempotencyPk(string userId, string key) => $"{IdempotencyPrefix}{userId}{Separator}{key}";

    /// <summary>GSI3: transactions by merchant.</summary>
    public static string MerchantPk(string merchantId) => MerchantPrefix + merchantId;

    /// <summary>GSI3 sort key: <c>TXN#&lt;timestamp&gt;</c>.</summary>
    public static string MerchantTransactionSk(string timestamp) => TransactionPrefix + timestamp;

    public static string BeneficiarySk(string beneficiaryId) => BeneficiaryPrefix + beneficiaryId;

    public static string FraudSk(string timestamp) => FraudPrefix + timestamp;
}
