namespace DynamoDbStorage.Tables;

/// <summary>Healthy only when the table exists and is ACTIVE.</summary>
internal sealed class TableActiveHealthCheck(IAmazonDynamoDB dynamoDb, string tableName) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await dynamoDb.DescribeTableAsync(tableName, cancellationToken);
            var status = response.Table.TableStatus;
            return status == TableStatus.ACTIVE
                ? HealthCheckResult.Healthy($"Table '{tableName}' is ACTIVE.")
                : HealthCheckResult.Unhealthy($"Table '{tableName}' is {status}.");
        }
        catch (ResourceNotFoundException)
        {
            return HealthCheckResult.Unhealthy($"Table '{tableName}' does not exist.");
        }
        catch (Exception exception) when (DynamoDbFailures.IsTransient(exception))
        {
            return HealthCheckResult.Unhealthy($"Table '{tableName}' could not be described.", exception);
        }
    }
}
