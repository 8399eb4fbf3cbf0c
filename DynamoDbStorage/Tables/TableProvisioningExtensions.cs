namespace DynamoDbStorage.Tables;

/// <summary>Registers a table the service owns: created at start-up when enabled, and a health check on it.</summary>
public static class TableProvisioningExtensions
{
    /// <summary>
    /// Declares a table this service owns. When <c>DynamoDb:CreateTables</c> is on, it is created idempotently
    /// at start-up (streams, TTL); in every case <c>/health</c> stays unhealthy until the table is ACTIVE.
    /// Requires <see cref="DynamoDbClientExtensions.AddDynamoDbClient{TBuilder}"/>.
    /// </summary>
    public static TBuilder AddDynamoDbTable<TBuilder>(this TBuilder builder, TableDefinition table) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton(table);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TableProvisioner>());

        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            $"dynamodb-table-{table.Name}",
            services => new TableActiveHealthCheck(
                services.GetRequiredService<IAmazonDynamoDB>(),
                services.GetRequiredService<IOptions<DynamoDbOptions>>().Value.TableName(table.Name)),
            HealthStatus.Unhealthy,
            tags: null,
            TimeSpan.FromSeconds(5)));

        return builder;
    }
}
