using Amazon.Runtime;

namespace DynamoDbStorage;

/// <summary>Healthy when DynamoDB answers a one-table <c>ListTables</c>, the cheapest authenticated call.</summary>
internal sealed class DynamoDbHealthCheck(IAmazonDynamoDB dynamoDb) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await dynamoDb.ListTablesAsync(new ListTablesRequest { Limit = 1 }, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            return HealthCheckResult.Unhealthy("DynamoDB is not reachable.", exception);
        }
    }
}
