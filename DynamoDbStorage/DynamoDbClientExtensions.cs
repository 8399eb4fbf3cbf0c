using Amazon.Runtime;
using DynamoDbStorage.Resilience;
using DynamoDbStorage.Telemetry;

namespace DynamoDbStorage;

/// <summary>Registers the shared DynamoDB client and its options.</summary>
public static class DynamoDbClientExtensions
{
    /// <summary>
    /// Adds an <see cref="IAmazonDynamoDB"/> singleton built from the SDK's standard configuration chain
    /// (region, credentials and <c>AWS_ENDPOINT_URL_DYNAMODB</c>), observed by <see cref="DynamoDbMetrics"/>, and bound
    /// <see cref="DynamoDbOptions"/>. No health check of its own: each table the service owns is checked with a
    /// <c>DescribeTable</c> on it (<see cref="Tables.TableProvisioningExtensions.AddDynamoDbTable{TBuilder}"/>), which needs
    /// IAM on that table only, where <c>ListTables</c> would need it on <c>*</c>.
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
        // Every call passes the circuit, the admission control and the attempt timeout of the DynamoDbCallGuard (DESIGN §10: a stalled
        // DynamoDB gets 503s with Retry-After, not a pile of waiting requests and, after it, a burst of retries).
        builder.Services.TryAddSingleton<DynamoDbCircuit>();
        builder.Services.TryAddSingleton<DynamoDbAttemptTimeout>();
        builder.Services.TryAddSingleton<DynamoDbAdmission>();
        builder.Services.TryAddSingleton(services => new GuardedHttpClientFactory(new DynamoDbCallGuard(
            services.GetRequiredService<DynamoDbCircuit>(),
            services.GetRequiredService<DynamoDbAdmission>(),
            services.GetRequiredService<DynamoDbAttemptTimeout>(),
            services.GetRequiredService<DynamoDbMetrics>(),
            services.GetRequiredService<TimeProvider>())
        {
            InnerHandler = new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectTimeout = services.GetRequiredService<IOptions<DynamoDbOptions>>().Value.AttemptTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            },
        }));
        builder.Services.TryAddSingleton<DynamoDbMetrics>();
        builder.Services.TryAddSingleton<IAmazonDynamoDB>(services =>
        {
            var client = new GuardedDynamoDbClient(new AmazonDynamoDBConfig
            {
                RetryMode = RequestRetryMode.Standard,
                HttpClientFactory = services.GetRequiredService<GuardedHttpClientFactory>(),
            });
            var metrics = services.GetRequiredService<DynamoDbMetrics>();
            metrics.Observe(client);
            metrics.Observe(services.GetRequiredService<DynamoDbAdmission>());
            return client;
        });

        return builder;
    }
}
