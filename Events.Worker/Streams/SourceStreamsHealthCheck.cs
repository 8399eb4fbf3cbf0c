using DynamoDbStreams.Processing;

namespace Events.Worker.Streams;

/// <summary>Healthy once every source table exists, is ACTIVE and has a stream (a <c>LatestStreamArn</c>).</summary>
internal sealed class SourceStreamsHealthCheck(IAmazonDynamoDB dynamoDb, DynamoDbOptions options, IReadOnlyList<string> logicalTables) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var streams = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var logical in logicalTables)
        {
            var tableName = options.TableName(logical);
            try
            {
                var table = (await dynamoDb.DescribeTableAsync(tableName, cancellationToken)).Table;
                if (table.TableStatus != TableStatus.ACTIVE)
                {
                    problems.Add($"table '{tableName}' is {table.TableStatus}");
                }
                else if (string.IsNullOrEmpty(table.LatestStreamArn))
                {
                    problems.Add($"table '{tableName}' has no stream");
                }
                else
                {
                    streams[tableName] = table.LatestStreamArn;
                }
            }
            catch (ResourceNotFoundException)
            {
                problems.Add($"table '{tableName}' does not exist yet");
            }
            catch (Exception exception) when (DynamoDbFailure.IsTransient(exception))
            {
                return HealthCheckResult.Unhealthy($"Could not describe table '{tableName}'.", exception);
            }
        }

        return problems.Count == 0
            ? HealthCheckResult.Healthy("Every source stream is describable.", streams)
            : HealthCheckResult.Unhealthy(string.Join("; ", problems) + ".", data: streams);
    }
}
