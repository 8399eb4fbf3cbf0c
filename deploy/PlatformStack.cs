using Amazon.CDK.AWS.IAM;

namespace Deploy;

/// <summary>
/// One environment of the platform (DESIGN §9): the tables from <see cref="PlatformTables"/>, the network, Redis,
/// Cognito, the audit archive, the four ECS services and the canary with least-privilege task roles, and the
/// golden-signal alarms.
/// </summary>
internal sealed class PlatformStack : Stack
{
    public PlatformStack(Construct scope, PlatformSettings settings) : base(scope, settings.StackName, new StackProps
    {
        Env = new Amazon.CDK.Environment { Account = settings.Account, Region = settings.Region },
        Description = $"Cart and payments platform ({settings.EnvironmentName})",
    })
    {
        Tables = new DataTables(this, "Tables", settings);
        var network = new Network(this, "Network");
        var redis = new RedisCache(this, "Redis", settings, network.Vpc);
        var identity = new Identity(this, "Identity", settings);
        var audit = new AuditArchive(this, "Audit");
        var telemetry = new Telemetry(this, "Telemetry", settings);
        Services = new Services(this, "Services", settings, network.Vpc, redis, telemetry);

        var tableNames = Tables.Tables.ToDictionary(table => $"DynamoDb__Tables__{table.Key}", table => table.Value.TableName);
        var bearer = new Dictionary<string, string>
        {
            ["Authentication__Schemes__Bearer__Authority"] = identity.Authority,
            ["Authentication__Schemes__Bearer__ValidClientIds__0"] = identity.Client.UserPoolClientId, // Cognito: client_id, not aud
        };
        var redisSettings = new Dictionary<string, string> { ["ConnectionStrings__redis"] = redis.ConnectionString };
        var redisPassword = new Dictionary<string, Amazon.CDK.AWS.SecretsManager.ISecret>
        {
            ["Aspire__StackExchange__Redis__ConfigurationOptions__Password"] = redis.AuthToken,
        };

        Services.AddInternal(new ServiceSpec("payments-api", "Payments.Api")
        {
            Serves = true,
            Settings = Merge(bearer, Pick(tableNames, PlatformTables.PaymentsName)),
            Permissions =
            [
                Allow(DynamoDbActions.PaymentsApiOnPayments, Tables.Payments.TableArn, $"{Tables.Payments.TableArn}/index/*"),
            ],
        });

        Services.AddInternal(new ServiceSpec("cart-api", "Cart.Api")
        {
            Serves = true,
            UsesRedis = true,
            Settings = Merge(bearer, redisSettings, Pick(tableNames, PlatformTables.CartsName),
                new Dictionary<string, string>
                {
                    ["services__payments-api__http__0"] = "http://payments-api",
                    ["Carts__SeedCatalog"] = settings.SeedCatalog ? "true" : "false",
                }),
            SecretSettings = redisPassword,
            Permissions =
            [
                Allow(DynamoDbActions.CartApiOnCarts, Tables.Carts.TableArn, $"{Tables.Carts.TableArn}/index/*"),
            ],
        });

        Services.AddInternal(new ServiceSpec("events-worker", "Events.Worker")
        {
            DesiredCount = 1,
            MaxCount = 4,
            UsesRedis = true,
            Settings = Merge(redisSettings, tableNames, new Dictionary<string, string> { ["Events__AuditBucket"] = audit.Bucket.BucketName }),
            SecretSettings = redisPassword,
            Permissions =
            [
                Allow(DynamoDbActions.WorkerOnSourceTables, Tables.Carts.TableArn, Tables.Payments.TableArn),
                Allow(DynamoDbActions.WorkerOnCarts, Tables.Carts.TableArn),
                Allow(DynamoDbActions.WorkerOnStreams, $"{Tables.Carts.TableArn}/stream/*", $"{Tables.Payments.TableArn}/stream/*"),
                Allow(DynamoDbActions.WorkerListStreams, "*"),
                Allow(DynamoDbActions.WorkerOnLeases, Tables.EventsLeases.TableArn),
                Allow(["s3:PutObject"], audit.AuditObjectsArn),
            ],
        });

        var gatewaySettings = new Dictionary<string, string>
        {
            ["services__cart-api__http__0"] = "http://cart-api",
            ["services__payments-api__http__0"] = "http://payments-api",
            // The ALB sits in the VPC: its X-Forwarded-For is believed, so per-address rate limits see the client.
            ["ForwardedHeaders__TrustedNetworks__0"] = network.Vpc.VpcCidrBlock,
        };
        for (var i = 0; i < settings.CorsOrigins.Count; i++)
        {
            gatewaySettings[$"Cors__AllowedOrigins__{i}"] = settings.CorsOrigins[i];
        }

        // Serves: besides the ALB, http://gateway in the namespace, for the canary.
        var gateway = Services.AddGateway(new ServiceSpec("gateway", "Gateway") { Serves = true, Settings = Merge(bearer, gatewaySettings) });

        // The synthetic shopper (docs/resilience.md, "Canary"): a guest cart, so no token and no AWS permission of its own;
        // its canary.runs is what the CanaryFailures alarm reads. One task, never scaled: a second would only add runs.
        Services.AddInternal(new ServiceSpec("canary", "Canary")
        {
            DesiredCount = 1,
            MaxCount = 1,
            Settings = new Dictionary<string, string>
            {
                ["services__gateway__http__0"] = "http://gateway",
                ["Canary__Gateway"] = "http://gateway",
                ["Canary__Interval"] = "00:01:00", // about five runs in each of the alarm's 5-minute periods
            },
        });

        Services.AllowCalls("gateway", "cart-api");
        Services.AllowCalls("gateway", "payments-api");
        Services.AllowCalls("cart-api", "payments-api");
        Services.AllowCalls("canary", "gateway");

        var alarms = new Alarms(this, "Alarms", settings);
        alarms.OnLoadBalancer(gateway.LoadBalancer);
        alarms.OnTable(PlatformTables.CartsName, Tables.Carts, transactional: true);
        alarms.OnTable(PlatformTables.PaymentsName, Tables.Payments, transactional: true);
        alarms.OnTable(PlatformTables.EventsLeasesName, Tables.EventsLeases, transactional: false);
        alarms.OnRedis(redis.MemberClusterIds);
        alarms.OnStreamLag(telemetry.MetricsNamespace);
        alarms.OnCanary(telemetry.MetricsNamespace);
        alarms.OnCanarySilence(telemetry.MetricsNamespace);

        _ = new CfnOutput(this, "ApiUrl", new CfnOutputProps { Value = $"{(settings.CertificateArn is null ? "http" : "https")}://{gateway.LoadBalancer.LoadBalancerDnsName}" });
        _ = new CfnOutput(this, "UserPoolId", new CfnOutputProps { Value = identity.UserPool.UserPoolId });
        _ = new CfnOutput(this, "UserPoolClientId", new CfnOutputProps { Value = identity.Client.UserPoolClientId });
        _ = new CfnOutput(this, "AuditBucketName", new CfnOutputProps { Value = audit.Bucket.BucketName });
        _ = new CfnOutput(this, "AlarmTopicArn", new CfnOutputProps { Value = alarms.Topic.TopicArn });
        _ = new CfnOutput(this, "ClusterName", new CfnOutputProps { Value = Services.Cluster.ClusterName });
    }

    public DataTables Tables { get; }

    public Services Services { get; }

    private static PolicyStatement Allow(IEnumerable<string> actions, params string[] resources) => new(new PolicyStatementProps
    {
        Effect = Effect.ALLOW,
        Actions = [.. actions],
        Resources = resources,
    });

    private static Dictionary<string, string> Pick(Dictionary<string, string> tableNames, string logicalName) =>
        new() { [$"DynamoDb__Tables__{logicalName}"] = tableNames[$"DynamoDb__Tables__{logicalName}"] };

    private static Dictionary<string, string> Merge(params IReadOnlyDictionary<string, string>[] parts) =>
        parts.SelectMany(part => part).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
}
