namespace Deploy;

/// <summary>
/// The DynamoDB actions each service's code makes, per table — the whole of its DynamoDB permissions. Built from the
/// SDK calls in the code (TransactWriteItems needs the item actions inside it: there is no IAM action for it), never
/// <c>dynamodb:*</c> and never <c>CreateTable</c>/<c>UpdateTimeToLive</c>: only Development creates tables.
/// </summary>
internal static class DynamoDbActions
{
    /// <summary>
    /// Cart.Api on <c>carts</c> and its index: carts, lines, catalog, delivery slots, stock and idempotency records —
    /// GetItem/BatchGetItem/Query reads (GSI1: products by category), BatchWriteItem (catalog load), TransactWriteItems
    /// of Put, Update and Delete (checkout books slots and reserves stock), UpdateItem (prices, stock, slots), the
    /// idempotency store's Put/Delete, DescribeTable for the table's ACTIVE health check.
    /// </summary>
    public static readonly string[] CartApiOnCarts =
    [
        "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:DescribeTable",
        "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem",
    ];

    /// <summary>
    /// Payments.Api on <c>payments</c> and its indexes: GetItem and Query (GSI1–3), PutItem, TransactWriteItems of Put
    /// and Update, the idempotency store's Put/Delete, DescribeTable for the ACTIVE health check.
    /// </summary>
    public static readonly string[] PaymentsApiOnPayments =
    [
        "dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query",
        "dynamodb:UpdateItem",
    ];

    /// <summary>Events.Worker on <c>carts</c> and <c>payments</c>: DescribeTable (the source streams' health check).</summary>
    public static readonly string[] WorkerOnSourceTables = ["dynamodb:DescribeTable"];

    /// <summary>
    /// Events.Worker on <c>carts</c> (the table, not its index): when a cart's header is removed, a Query of its
    /// partition and BatchWriteItem deletes of the rows without a ttl of their own (the removed-cart cascade).
    /// </summary>
    public static readonly string[] WorkerOnCarts = ["dynamodb:BatchWriteItem", "dynamodb:Query"];

    /// <summary>Events.Worker on the source tables' streams: the shard walk and the record reads.</summary>
    public static readonly string[] WorkerOnStreams = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"];

    /// <summary>Events.Worker: <c>ListStreams</c> finds a table's latest stream (the action has no resource but <c>*</c>).</summary>
    public static readonly string[] WorkerListStreams = ["dynamodb:ListStreams"];

    /// <summary>Events.Worker on <c>events-leases</c>: Scan (all leases), Put/Update/Delete of leases, DescribeTable (health).</summary>
    public static readonly string[] WorkerOnLeases =
    [
        "dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:UpdateItem",
    ];
}
