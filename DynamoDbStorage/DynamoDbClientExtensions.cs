using DynamoDbStorage.Telemetry;

namespace DynamoDbStorage;

/// <summary>Registers the shared DynamoDB client, its options and its health check.</summary>
public static class DynamoDbClientExtensions
{
    /// <summary>
    /// Adds an <see cref="IAmazonDynamoDB"/> singleton built from the SDK's standard configuration chain
    /// (region, credentials and <c>AWS_ENDPOINT_URL_DYNAMODB</c>) and observed by <see cref="DynamoDbMetrics"/>, bound
    /// <see cref="DynamoDbOptions"/> and a <c>dynamodb</c> health check.
    /// </summary>
    public static TBuilder AddDynamoDbClient<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<DynamoDbOptions>()
            .Configure<IHostEnvironment>((options, environment) => options.CreateTables = environment.IsDevelopment())
            .BindConfiguration(DynamoDbOptions.SectionName)
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DynamoDbOptions>, DynamoDbOptionsValidator>());

        // No endpoint or region code here: the SDK reads AWS_REGION, the credential chain and the
        // service-specific AWS_ENDPOINT_URL_DYNAMODB itself, so local and production share one path.
        builder.Services.TryAddSingleton<DynamoDbMetrics>();
        builder.Services.TryAddSingleton<IAmazonDynamoDB>(services =>
        {
            var client = new AmazonDynamoDBClient(new AmazonDynamoDBConfig());
            services.GetRequiredService<DynamoDbMetrics>().Observe(client);
            return client;
        });

        builder.Services.AddHealthChecks()
            .AddCheck<DynamoDbHealthCheck>("dynamodb", HealthStatus.Unhealthy, timeout: TimeSpan.FromSeconds(5));

        return builder;
    }
}
