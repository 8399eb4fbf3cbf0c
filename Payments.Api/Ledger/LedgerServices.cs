namespace Payments.Api.Ledger;

/// <summary>What the ledger endpoints need, bundled for <c>[AsParameters]</c>.</summary>
internal sealed record LedgerServices(AccountStore Accounts, TransactionStore Transactions, LedgerWriter Writer, PaymentsTableName Table, TimeProvider Time);
