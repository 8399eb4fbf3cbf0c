namespace Payments.Api.Table;

/// <summary>The <c>payments</c> single table and its indexes, as <see cref="PlatformTables.Payments"/> defines them for the service and the stack.</summary>
internal static class PaymentsTable
{
    public const string LogicalName = PlatformTables.PaymentsName;
    public const string TransactionsById = PlatformTables.TransactionsById;
    public const string AccountsByUser = PlatformTables.AccountsByUser;
    public const string TransactionsByMerchant = PlatformTables.TransactionsByMerchant;

    public static TableDefinition Definition => PlatformTables.Payments;
}
