using static DynamoDbStorage.AttributeValues;

namespace Payments.Api.Storage;

/// <summary>
/// Finds a transaction GSI1 has not shown yet where it was written: each of the caller's accounts (GSI2; accounts are
/// opened long before their transactions) is queried strongly consistently for the id among its transactions of the
/// last moments (<see cref="ReadAfterWriteOptions"/>). Only the caller's own accounts are read, so the search says
/// nothing of anyone else's ids, and an unknown id costs at most one <c>Query</c> per account besides the listing.
/// </summary>
internal sealed class RecentTransactionSearch(
    IAmazonDynamoDB dynamoDb, PaymentsTableName table, AccountStore accounts, IOptions<ReadAfterWriteOptions> options, TimeProvider time)
{
    public async Task<TransactionLookup> FindAsync(string txnId, string userId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (owned, _) = await accounts.ListByUserAsync(userId, settings.MaxAccounts, startKey: null, cancellationToken);
        var window = WindowAround(time.GetUtcNow(), settings.Window);

        var searched = await Task.WhenAll(owned.Select(account => SearchAccountAsync(account.AccountId, txnId, window, settings.RowsPerAccount, cancellationToken)));
        return searched.FirstOrDefault(found => found?.UserId == userId) is { } transaction ? TransactionLookup.Of(transaction) : TransactionLookup.NotSeenYet;
    }

    /// <summary>The <c>SK BETWEEN</c> bounds of the transactions made within <paramref name="window"/> of <paramref name="now"/>, either side.</summary>
    public static (string Lower, string Upper) WindowAround(DateTimeOffset now, TimeSpan window) =>
        PaymentKeys.TransactionSkRange((now - window).ToUtcTimestamp(), (now + window).ToUtcTimestamp());

    /// <summary>One strongly consistent read of an account's newest transactions in the window, filtered on the id.</summary>
    private async Task<LedgerTransaction?> SearchAccountAsync(
        string accountId, string txnId, (string Lower, string Upper) window, int rows, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = table.Value,
            KeyConditionExpression = "#pk = :pk AND #sk BETWEEN :lower AND :upper",
            FilterExpression = "#txn = :txn",
            ExpressionAttributeNames = new()
            {
                ["#pk"] = PaymentAttributes.PartitionKey,
                ["#sk"] = PaymentAttributes.SortKey,
                ["#txn"] = PaymentAttributes.TransactionId,
            },
            ExpressionAttributeValues = new()
            {
                [":pk"] = S(PaymentKeys.AccountPk(accountId)),
                [":lower"] = S(window.Lower),
                [":upper"] = S(window.Upper),
                [":txn"] = S(txnId),
            },
            ScanIndexForward = false,
            Limit = rows,
            ConsistentRead = true,
        }, cancellationToken);

        return response.Items.Count > 0 ? LedgerTransactionMapper.FromItem(response.Items[0]) : null;
    }
}
