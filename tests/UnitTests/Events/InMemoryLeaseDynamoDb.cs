using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using DynamoDbStreams.Leases;

namespace UnitTests.Events;

/// <summary>
/// The lease table in memory: the scan, put, update and delete calls <see cref="LeaseTable"/> makes, with their
/// conditions honoured, deletes' too (equalities and <c>attribute_not_exists</c> joined by <c>AND</c>; <c>SET</c> and <c>REMOVE</c> updates).
/// </summary>
internal sealed class InMemoryLeaseDynamoDb() : AmazonDynamoDBClient(
    new BasicAWSCredentials("local", "local"),
    new AmazonDynamoDBConfig { ServiceURL = "http://dynamodb.local", AuthenticationRegion = "us-east-1" })
{
    private readonly Dictionary<string, Dictionary<string, AttributeValue>> _items = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The lease of <paramref name="leaseKey"/> as stored now, or null.</summary>
    public Lease? Find(string leaseKey)
    {
        lock (_gate)
        {
            return _items.TryGetValue(leaseKey, out var item) ? LeaseTable.FromItem(new(item)) : null;
        }
    }

    public override Task<ScanResponse> ScanAsync(ScanRequest request, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(new ScanResponse { Items = [.. _items.Values.Select(item => new Dictionary<string, AttributeValue>(item))] });
        }
    }

    public override Task<PutItemResponse> PutItemAsync(PutItemRequest request, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_items.TryAdd(KeyOf(request.Item), new(request.Item)))
            {
                throw new ConditionalCheckFailedException("The lease exists.");
            }

            return Task.FromResult(new PutItemResponse());
        }
    }

    public override Task<UpdateItemResponse> UpdateItemAsync(UpdateItemRequest request, CancellationToken cancellationToken = default)
    {
        string Name(string token) => request.ExpressionAttributeNames.GetValueOrDefault(token, token);

        lock (_gate)
        {
            if (!_items.TryGetValue(KeyOf(request.Key), out var item) || !Holds(request.ConditionExpression.Split(" AND "), item, Name, request.ExpressionAttributeValues))
            {
                throw new ConditionalCheckFailedException("The condition does not hold.");
            }

            var parts = request.UpdateExpression.Split(" REMOVE ");
            foreach (var assignment in parts[0]["SET ".Length..].Split(", ").Select(a => a.Split(" = ")))
            {
                item[Name(assignment[0])] = request.ExpressionAttributeValues[assignment[1]];
            }

            foreach (var removed in parts.Length > 1 ? parts[1].Split(", ") : [])
            {
                item.Remove(Name(removed));
            }

            return Task.FromResult(new UpdateItemResponse { Attributes = new(item) });
        }
    }

    public override Task<DeleteItemResponse> DeleteItemAsync(DeleteItemRequest request, CancellationToken cancellationToken = default)
    {
        string Name(string token) => request.ExpressionAttributeNames?.GetValueOrDefault(token, token) ?? token;

        lock (_gate)
        {
            // As DynamoDB: a condition on an item that is not there fails; a delete without one always succeeds.
            var found = _items.TryGetValue(KeyOf(request.Key), out var item);
            if (!string.IsNullOrEmpty(request.ConditionExpression)
                && (!found || !Holds(request.ConditionExpression.Split(" AND "), item!, Name, request.ExpressionAttributeValues)))
            {
                throw new ConditionalCheckFailedException("The condition does not hold.");
            }

            _items.Remove(KeyOf(request.Key));
            return Task.FromResult(new DeleteItemResponse());
        }
    }

    private static bool Holds(
        IEnumerable<string> clauses, Dictionary<string, AttributeValue> item, Func<string, string> name, Dictionary<string, AttributeValue> values) =>
        clauses.All(clause => clause.StartsWith("attribute_not_exists(", StringComparison.Ordinal)
            ? !item.ContainsKey(name(clause["attribute_not_exists(".Length..^1]))
            : clause.Split(" = ") is [var attribute, var value]
              && item.TryGetValue(name(attribute), out var stored)
              && stored.S == values[value].S && stored.N == values[value].N);

    private static string KeyOf(Dictionary<string, AttributeValue> item) => item[LeaseTable.KeyAttribute].S;
}
