namespace Events.Worker.Extensions;

internal static class Extensions
{
    /// <summary>The worker's dependencies: DynamoDB (read-only here: it never creates tables), Redis, and the source streams.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDynamoDbClient();
        builder.AddRedisClient("redis");

        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "dynamodb-streams",
            services => new SourceStreamsHealthCheck(
                services.GetRequiredService<IAmazonDynamoDB>(),
                services.GetRequiredService<IOptions<DynamoDbOptions>>().Value,
                SourceStreamsHealthCheck.SourceTables),
            HealthStatus.Unhealthy,
            [HealthTags.Ready],
            TimeSpan.FromSeconds(5)));
    }
}
