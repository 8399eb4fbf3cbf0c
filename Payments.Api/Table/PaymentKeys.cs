using Idempotency;

namespace Payments.Api.Table;

/// <summary>Every partition, sort and index key of the <c>payments</c> table, built in one place.</summary>
internal static class PaymentKeys
{
    private const string AccountPrefix = PaymentsTableKeys.AccountPrefix;
    private const string UserPrefix = PaymentsTableKeys.UserPrefix;
    private const string TransactionPrefix = PaymentsTableKeys.TransactionPrefix;
    private const string AuditPrefix = PaymentsTableKeys.AuditPrefix;
    private const string IdempotencyPrefix = PaymentsTableKeys.IdempotencyPrefix;
    private const string MerchantPrefix = PaymentsTableKeys.MerchantPrefix;
    private const string BeneficiaryPrefix = PaymentsTableKeys.BeneficiaryPrefix;
    private const string FraudPrefix = PaymentsTableKeys.FraudPrefix;
    private const string ShardInfix = PaymentsTableKeys.ShardInfix;
    private const char Separator = '#';

    // '$' sorts right after '#', so "<prefix><timestamp>$" is above every "<prefix><timestamp>#<id>".
    private const char AfterSeparator = '$';

    /// <summary>The sort key of an account's (and an idempotency record's) metadata item.</summary>
    public const string Metadata = PaymentsTableKeys.Metadata;

    public static string AccountPk(string accountId) => AccountPrefix + accountId;

    /// <summary>The prefix every account partition key (and GSI2 sort key) starts with.</summary>
    public static string AccountPkPrefix => AccountPrefix;

    public static string UserPk(string userId) => UserPrefix + userId;

    /// <summary>GSI2: accounts by user — partition <c>USER#&lt;userId&gt;</c>, sort <c>ACCOUNT#&lt;accountId&gt;</c>.</summary>
    public static string AccountsOfUserSk(string accountId) => AccountPrefix + accountId;

    public static string TransactionSk(string timestamp, string transactionId) => $"{TransactionPrefix}{timestamp}{Separator}{transactionId}";

    /// <summary>The prefix every transaction sort key starts with.</summary>
    public static string TransactionSkPrefix => TransactionPrefix;

    /// <summary>Inclusive <c>SK BETWEEN</c> bounds for the transactions from one instant to another (both inclusive).</summary>
    public static (string Lower, string Upper) TransactionSkRange(string fromTimestamp, string toTimestamp) =>
        (TransactionPrefix + fromTimestamp, TransactionPrefix + toTimestamp + AfterSeparator);

    /// <summary>GSI1: transaction by id.</summary>
    public static string TransactionPk(string transactionId) => TransactionPrefix + transactionId;

    public static string AuditSk(string timestamp, string eventId) => $"{AuditPrefix}{timestamp}{Separator}{eventId}";

    /// <summary>The prefix every audit sort key starts with.</summary>
    public static string AuditSkPrefix => AuditPrefix;

    /// <summary>
    /// The partition of a payments-table idempotency record (its sort key is <see cref="Metadata"/>): scoped to the
    /// caller, with (user id, key) encoded unambiguously, so one client's key never replays another's response.
    /// </summary>
    public static string Idempotency(string userId, IdempotencyKey key) => IdempotencyPrefix + IdempotencyScope.CallerKey(userId, key);

    /// <summary>GSI3: transactions by merchant.</summary>
    public static string MerchantPk(string merchantId) => MerchantPrefix + merchantId;

    /// <summary>GSI3 sort key: <c>TXN#&lt;timestamp&gt;</c>.</summary>
    public static string MerchantTransactionSk(string timestamp) => TransactionPrefix + timestamp;

    public static string BeneficiarySk(string beneficiaryId) => BeneficiaryPrefix + beneficiaryId;

    /// <summary>The prefix every beneficiary sort key starts with.</summary>
    public static string BeneficiarySkPrefix => BeneficiaryPrefix;

    public static string FraudSk(string timestamp) => FraudPrefix + timestamp;

    /// <summary>A fraud event's sort key: time first, then the event id so two events in one millisecond never overwrite.</summary>
    public static string FraudSk(string timestamp, string eventId) => $"{FraudPrefix}{timestamp}{Separator}{eventId}";

    /// <summary>Inclusive <c>SK BETWEEN</c> bounds for fraud events in a time window.</summary>
    public static (string Lower, string Upper) FraudSkRange(string fromTimestamp, string toTimestamp) =>
        (FraudPrefix + fromTimestamp, FraudPrefix + toTimestamp + AfterSeparator);

    /// <summary>The partition of a hot user's fraud events on one write shard: <c>USER#&lt;userId&gt;#SHARD#&lt;n&gt;</c>.</summary>
    public static string FraudShardPk(string userId, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{UserPrefix}{userId}{ShardInfix}{shard}");
}
