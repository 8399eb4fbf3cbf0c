using Cart.Api.Model;
using static DynamoDbStorage.AttributeValues;

namespace Cart.Api.Storage;

/// <summary>Reads a minute's expired hold markers (one Query, never a Scan), deletes stale ones, and keeps the sweep's checkpoint.</summary>
internal sealed class HoldMarkerStore(IAmazonDynamoDB dynamoDb, IOptions<DynamoDbOptions> options)
{
    public string TableName => options.Value.TableName(CartTable.LogicalName);

    /// <summary>The markers of <paramref name="minute"/> whose holds expired by <paramref name="nowSeconds"/>, earliest first.</summary>
    public async Task<IReadOnlyList<HoldMarker>> ExpiredAsync(long minute, long nowSeconds, CancellationToken cancellationToken)
    {
        var (lower, upper) = HoldMarkers.ExpiredBy(nowSeconds);
        var items = await dynamoDb.QueryAllAsync(new QueryRequest
        {
            TableName = TableName,
            ConsistentRead = true,
            KeyConditionExpression = "#pk = :pk AND #sk BETWEEN :lower AND :upper",
            ExpressionAttributeNames = new() { ["#pk"] = CartAttributes.PartitionKey, ["#sk"] = CartAttributes.SortKey },
            ExpressionAttributeValues = new()
            {
                [":pk"] = S(HoldMarkers.BucketPk(minute)),
                [":lower"] = S(lower),
                [":upper"] = S(upper),
            },
        }, cancellationToken);
        return [.. items.Select(HoldMarkers.ToMarker)];
    }

    /// <summary>Removes a marker whose cart no longer holds that hold (paid, released, or gone).</summary>
    public Task DeleteAsync(HoldMarker marker, CancellationToken cancellationToken) =>
        dynamoDb.DeleteItemAsync(new DeleteItemRequest { TableName = TableName, Key = HoldMarkers.Key(marker.CartId, marker.ExpiresAt) }, cancellationToken);

    /// <summary>The last minute every replica may skip (all its markers gone), or null before the first sweep.</summary>
    public async Task<long?> SweptThroughAsync(CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = CartWrites.Key(HoldMarkers.CheckpointPk, HoldMarkers.CheckpointSk),
            ConsistentRead = true,
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? item.GetLongOrNull(HoldMarkers.SweptThrough) : null;
    }

    /// <summary>Moves the checkpoint forward to <paramref name="minute"/>, never back (another replica may be ahead).</summary>
    public async Task AdvanceAsync(long minute, string now, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.UpdateItemAsync(new Amazon.DynamoDBv2.Model.UpdateItemRequest
            {
                TableName = TableName,
                Key = CartWrites.Key(HoldMarkers.CheckpointPk, HoldMarkers.CheckpointSk),
                ConditionExpression = "attribute_not_exists(#swept) OR #swept < :minute",
                UpdateExpression = "SET #swept = :minute, #updatedAt = :now",
                ExpressionAttributeNames = new() { ["#swept"] = HoldMarkers.SweptThrough, ["#updatedAt"] = CartAttributes.UpdatedAt },
                ExpressionAttributeValues = new() { [":minute"] = N(minute), [":now"] = S(now) },
            }, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // Another replica got further already.
        }
    }
}
