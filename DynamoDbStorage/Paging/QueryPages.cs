namespace DynamoDbStorage.Paging;

/// <summary>Reads every page of a <c>Query</c>: for the few reads that need all of a partition, not one page of it.</summary>
public static class QueryPages
{
    /// <summary>
    /// Every item <paramref name="request"/> matches, following <c>LastEvaluatedKey</c> until DynamoDB has no more
    /// (the request's <c>ExclusiveStartKey</c> is set on each call).
    /// </summary>
    public static async Task<List<Dictionary<string, AttributeValue>>> QueryAllAsync(
        this IAmazonDynamoDB dynamoDb, QueryRequest request, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        do
        {
            var page = await dynamoDb.QueryAsync(request, cancellationToken);
            items.AddRange(page.Items ?? []);
            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);

        return items;
    }
}
