namespace Payments.Api.Application;

/// <summary>The commit of a money movement: its balance change(s), the TXN item, its AUDIT entry; 201 with the transaction.</summary>
internal static class LedgerMovement
{
    public static LedgerPlan<TransactionResponse>.Commit Commit(string tableName, LedgerTransaction txn, AuditEntry audit, params TransactWriteItem[] changes) =>
        new(
            [.. changes, LedgerTransactionMapper.NewItemPut(tableName, txn), AuditItemMapper.Append(tableName, audit)],
            StatusCodes.Status201Created,
            TransactionResponse.From(txn),
            Location: ResourceLocations.Transaction(txn.TxnId));
}
