using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ECS.Patterns;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.ApplicationAutoScaling;
using Amazon.CDK.AWS.ServiceDiscovery;
using Amazon.CDK.AWS.SSM;
using HealthCheck = Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck;
using Protocol = Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationProtocol;

namespace Deploy;

/// <summary>
/// The ECS Fargate cluster and its services. The gateway alone sits behind the public ALB (health check
/// <c>/health</c>); cart-api, payments-api and the gateway are Service Connect endpoints in the cluster's Cloud Map
/// namespace under the names local service discovery uses, so <c>http://cart-api</c>, <c>http://payments-api</c> and
/// (for the canary) <c>http://gateway</c> resolve unchanged. Every task reads its configuration from SSM and its secrets
/// from Secrets Manager — never AWS keys or endpoint variables: the SDK takes the task role's credentials and the
/// region's endpoints. Every service's container carries a liveness check (<see cref="ContainerHealth"/>), so ECS replaces
/// a task whose process stops answering and a deployment waits for healthy new tasks. Each service rolls back a failing
/// deployment (circuit breaker) and autoscales on CPU unless its <see cref="ServiceSpec.MaxCount"/> is its desired count
/// (the canary).
/// </summary>
internal sealed class Services : Construct
{
    public Services(Construct scope, string id, PlatformSettings settings, IVpc vpc, RedisCache redis, Telemetry telemetry) : base(scope, id)
    {
        _settings = settings;
        _redis = redis;
        _telemetry = telemetry;
        Cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = vpc, ContainerInsights = true });
        Namespace = Cluster.AddDefaultCloudMapNamespace(new CloudMapNamespaceOptions
        {
            Name = $"{settings.EnvironmentName}.cart-platform.internal",
            Type = NamespaceType.HTTP,
            UseForServiceConnect = true,
        });
    }

    private readonly PlatformSettings _settings;
    private readonly RedisCache _redis;
    private readonly Telemetry _telemetry;

    public Cluster Cluster { get; }

    public INamespace Namespace { get; }

    /// <summary>The deployed services by name.</summary>
    public Dictionary<string, FargateService> ByName { get; } = new(StringComparer.Ordinal);

    public ApplicationLoadBalancedFargateService? Gateway { get; private set; }

    /// <summary>An internal service (no load balancer): reached through Service Connect when it <see cref="ServiceSpec.Serves"/>.</summary>
    public FargateService AddInternal(ServiceSpec spec)
    {
        var service = new FargateService(this, spec.Name, new FargateServiceProps
        {
            Cluster = Cluster,
            ServiceName = $"{_settings.EnvironmentName}-{spec.Name}",
            TaskDefinition = TaskDefinitionFor(spec),
            DesiredCount = spec.DesiredCount,
            MinHealthyPercent = 100,
            MaxHealthyPercent = 200,
            CircuitBreaker = new DeploymentCircuitBreaker { Rollback = true },
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
            ServiceConnectConfiguration = ServiceConnect(spec),
        });
        if (spec.MaxCount > spec.DesiredCount)
        {
            service.AutoScaleTaskCount(new EnableScalingProps { MinCapacity = spec.DesiredCount, MaxCapacity = spec.MaxCount })
                .ScaleOnCpuUtilization("Cpu", new CpuUtilizationScalingProps { TargetUtilizationPercent = 60 });
        }

        return Register(spec, service);
    }

    /// <summary>
    /// The request rate per gateway task past which another task starts, beside the CPU target. One read costs the
    /// gateway about 0.1 ms of CPU in the bench (docs/benchmarks.md), so a task of half a vCPU at its 60 % CPU target
    /// proxies a few thousand requests a second; at a thousand, the request policy steps in first only on a burst of
    /// requests cheap enough for CPU to lag, and the maximum of ten tasks is reached at 10,000 req/s, not at 170.
    /// </summary>
    public const int GatewayRequestsPerTaskPerSecond = 1_000;

    /// <summary>The gateway: the only public entry, behind an internet-facing ALB (HTTPS when a certificate is given).</summary>
    public ApplicationLoadBalancedFargateService AddGateway(ServiceSpec spec)
    {
        var https = _settings.CertificateArn is not null;
        Gateway = new ApplicationLoadBalancedFargateService(this, spec.Name, new ApplicationLoadBalancedFargateServiceProps
        {
            Cluster = Cluster,
            ServiceName = $"{_settings.EnvironmentName}-{spec.Name}",
            TaskDefinition = TaskDefinitionFor(spec),
            DesiredCount = spec.DesiredCount,
            MinHealthyPercent = 100,
            MaxHealthyPercent = 200,
            CircuitBreaker = new DeploymentCircuitBreaker { Rollback = true },
            PublicLoadBalancer = true,
            TaskSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
            Protocol = https ? Protocol.HTTPS : Protocol.HTTP,
            Certificate = https ? Certificate.FromCertificateArn(this, "Certificate", _settings.CertificateArn!) : null,
            RedirectHTTP = https,
            HealthCheckGracePeriod = Duration.Seconds(60),
        });
        Gateway.TargetGroup.ConfigureHealthCheck(new HealthCheck
        {
            Path = "/health",
            HealthyHttpCodes = "200",
            Interval = Duration.Seconds(15),
            HealthyThresholdCount = 2,
            UnhealthyThresholdCount = 3,
        });
        Gateway.TargetGroup.SetAttribute("deregistration_delay.timeout_seconds", "30");
        Gateway.Service.EnableServiceConnect(ServiceConnect(spec));
        Register(spec, Gateway.Service);

        var scaling = Gateway.Service.AutoScaleTaskCount(new EnableScalingProps { MinCapacity = spec.DesiredCount, MaxCapacity = spec.MaxCount });
        scaling.ScaleOnCpuUtilization("Cpu", new CpuUtilizationScalingProps { TargetUtilizationPercent = 60 });
        scaling.ScaleOnRequestCount("Requests", new RequestCountScalingProps
        {
            RequestsPerTarget = GatewayRequestsPerTaskPerSecond * 60, // ALBRequestCountPerTarget is a count per minute
            TargetGroup = Gateway.TargetGroup,
        });
        return Gateway;
    }

    /// <summary>Lets one service call another's container port (Service Connect goes task to task).</summary>
    public void AllowCalls(string from, string to) =>
        ByName[to].Connections.AllowFrom(ByName[from], Port.Tcp(ServiceSpec.ContainerPort), $"{from} calls {to}");

    private FargateService Register(ServiceSpec spec, FargateService service)
    {
        ByName[spec.Name] = service;
        if (spec.UsesRedis)
        {
            _redis.SecurityGroup.AddIngressRule(service.Connections.SecurityGroups[0], Port.Tcp(RedisCache.Port), $"{spec.Name} uses Redis");
        }

        return service;
    }

    private ServiceConnectProps ServiceConnect(ServiceSpec spec) => new()
    {
        Namespace = Namespace.NamespaceArn,
        Services = spec.Serves
            ? [new ServiceConnectService { PortMappingName = "http", DiscoveryName = spec.Name, DnsName = spec.Name, Port = 80 }]
            : null,
    };

    private FargateTaskDefinition TaskDefinitionFor(ServiceSpec spec)
    {
        var task = new FargateTaskDefinition(this, $"{spec.Name}-task", new FargateTaskDefinitionProps
        {
            Cpu = 512,
            MemoryLimitMiB = 1024,
            RuntimePlatform = new RuntimePlatform { CpuArchitecture = CpuArchitecture.X86_64, OperatingSystemFamily = OperatingSystemFamily.LINUX },
        });

        var configuration = spec.Settings.ToDictionary(
            setting => setting.Key,
            setting => Secret.FromSsmParameter(Parameter(spec.Name, setting.Key, setting.Value)),
            StringComparer.Ordinal);
        foreach (var (key, secret) in spec.SecretSettings)
        {
            configuration[key] = Secret.FromSecretsManager(secret);
        }

        task.AddContainer(spec.Name, new ContainerDefinitionOptions
        {
            Image = ServiceImages.For(this, spec, _settings),
            Essential = true,
            PortMappings = [new PortMapping { Name = "http", ContainerPort = ServiceSpec.ContainerPort, AppProtocol = AppProtocol.Http }],
            HealthCheck = ContainerHealth.Probe(),
            Environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_HTTP_PORTS"] = ServiceSpec.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["AWS_REGION"] = Stack.Of(this).Region,
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://localhost:4317",
                ["OTEL_SERVICE_NAME"] = spec.Name,
                ["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio", // read by the OpenTelemetry SDK
                ["OTEL_TRACES_SAMPLER_ARG"] = _settings.TraceSampleRatio.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            Secrets = configuration,
            Logging = LogDriver.AwsLogs(new AwsLogDriverProps { StreamPrefix = spec.Name, LogRetention = RetentionDays.ONE_MONTH }),
            StopTimeout = Duration.Seconds(30),
        });

        task.AddContainer("otel-collector", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry(Telemetry.CollectorImage),
            Essential = false,
            MemoryReservationMiB = 128,
            Secrets = new Dictionary<string, Secret> { ["AOT_CONFIG_CONTENT"] = Secret.FromSsmParameter(_telemetry.CollectorConfig) },
            Logging = LogDriver.AwsLogs(new AwsLogDriverProps { StreamPrefix = $"{spec.Name}-otel", LogRetention = RetentionDays.ONE_WEEK }),
        });

        _telemetry.GrantCollector(task.TaskRole);
        foreach (var statement in spec.Permissions)
        {
            task.TaskRole.AddToPrincipalPolicy(statement);
        }

        return task;
    }

    /// <summary>One configuration value as an SSM parameter <c>/cart-platform/{env}/{service}/{Section/Key}</c>.</summary>
    private StringParameter Parameter(string service, string key, string value) =>
        new(this, $"{service}-{key}", new StringParameterProps
        {
            ParameterName = $"/cart-platform/{_settings.EnvironmentName}/{service}/{key.Replace("__", "/", StringComparison.Ordinal)}",
            StringValue = value,
        });
}
