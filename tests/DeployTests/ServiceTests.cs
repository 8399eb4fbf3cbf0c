using System.Text.Json;
using Deploy;

namespace DeployTests;

public class ServiceTests(SynthesizedStack stack) : IClassFixture<SynthesizedStack>
{
    private static readonly string[] ServiceNames = ["gateway", "cart-api", "payments-api", "events-worker"];

    [Fact]
    public void No_task_definition_carries_aws_keys_or_endpoint_overrides()
    {
        var names = stack.Resources("AWS::ECS::TaskDefinition")
            .SelectMany(task => task.Properties["ContainerDefinitions"]!.AsArray())
            .SelectMany(container => (container!["Environment"]?.AsArray() ?? []).Concat(container["Secrets"]?.AsArray() ?? []))
            .Select(variable => (string)variable!["Name"]!)
            .ToList();

        Assert.NotEmpty(names);
        Assert.DoesNotContain(names, name => name is "AWS_ACCESS_KEY_ID" or "AWS_SECRET_ACCESS_KEY" or "AWS_SESSION_TOKEN" or "AWS_PROFILE");
        Assert.DoesNotContain(names, name => name.StartsWith("AWS_ENDPOINT_URL", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_service_traces_a_tenth_of_its_requests_continuing_sampled_traces()
    {
        foreach (var service in ServiceNames)
        {
            var environment = stack.TaskDefinition(service)["ContainerDefinitions"]!.AsArray()
                .Single(container => (string?)container!["Name"] == service)!["Environment"]!.AsArray()
                .ToDictionary(variable => (string)variable!["Name"]!, variable => (string?)variable!["Value"]);

            Assert.Equal("parentbased_traceidratio", environment["OTEL_TRACES_SAMPLER"]);
            Assert.Equal("0.1", environment["OTEL_TRACES_SAMPLER_ARG"]);
        }
    }

    [Theory]
    [InlineData("cart-api")]
    [InlineData("payments-api")]
    public void The_apis_run_at_least_two_tasks_and_scale_from_two(string service)
    {
        Assert.True((int)stack.Service(service)["DesiredCount"]! >= 2);
        var serviceId = $"\"{stack.ServiceId(service)}\"";
        var target = stack.Resources("AWS::ApplicationAutoScaling::ScalableTarget")
            .Single(t => t.Properties["ResourceId"]!.ToJsonString().Contains(serviceId, StringComparison.Ordinal));
        Assert.True((int)target.Properties["MinCapacity"]! >= 2);
    }

    [Fact]
    public void Every_service_rolls_back_a_failing_deployment_and_autoscales()
    {
        foreach (var service in ServiceNames)
        {
            var breaker = stack.Service(service)["DeploymentConfiguration"]!["DeploymentCircuitBreaker"]!;
            Assert.True((bool)breaker["Enable"]! && (bool)breaker["Rollback"]!, service);
        }

        Assert.Equal(ServiceNames.Length, stack.Resources("AWS::ApplicationAutoScaling::ScalableTarget").Count());
    }

    [Fact]
    public void The_gateway_scales_on_requests_per_minute_at_a_rate_a_task_carries()
    {
        // ALBRequestCountPerTarget counts a minute's requests: a target of 1,000 would add a task every 17 req/s.
        var policy = stack.Resources("AWS::ApplicationAutoScaling::ScalingPolicy")
            .Select(p => p.Properties["TargetTrackingScalingPolicyConfiguration"]!)
            .Single(c => (string?)c["PredefinedMetricSpecification"]?["PredefinedMetricType"] == "ALBRequestCountPerTarget");

        var perTaskPerSecond = (double)policy["TargetValue"]! / 60;
        Assert.InRange(perTaskPerSecond, 500, 5_000);
    }

    [Fact]
    public void One_canary_task_runs_unscaled_and_rolls_back_a_failing_deployment()
    {
        var canary = stack.Service("canary");

        Assert.Equal(1, (int)canary["DesiredCount"]!);
        var breaker = canary["DeploymentConfiguration"]!["DeploymentCircuitBreaker"]!;
        Assert.True((bool)breaker["Enable"]! && (bool)breaker["Rollback"]!);
        var serviceId = $"\"{stack.ServiceId("canary")}\"";
        Assert.DoesNotContain(stack.Resources("AWS::ApplicationAutoScaling::ScalableTarget"),
            target => target.Properties["ResourceId"]!.ToJsonString().Contains(serviceId, StringComparison.Ordinal));
    }

    [Fact]
    public void The_canary_walks_the_gateway_by_the_name_service_discovery_resolves_locally()
    {
        // Canary:Gateway is http://gateway, resolved through services:gateway:http:0 as in the AppHost.
        foreach (var key in new[] { "Canary/Gateway", "services/gateway/http/0" })
        {
            var parameter = stack.Resources("AWS::SSM::Parameter").Single(p => (string?)p.Properties["Name"] == $"/cart-platform/test/canary/{key}");
            Assert.Equal("http://gateway", (string?)parameter.Properties["Value"]);
        }

        var alias = stack.Service("gateway")["ServiceConnectConfiguration"]!["Services"]![0]!;
        Assert.Equal("gateway", (string?)alias["DiscoveryName"]);
        Assert.Equal("gateway", (string?)alias["ClientAliases"]![0]!["DnsName"]);
        Assert.Equal(80, (int)alias["ClientAliases"]![0]!["Port"]!);

        var ingress = stack.Resources("AWS::EC2::SecurityGroupIngress").Single(rule => (string?)rule.Properties["Description"] == "canary calls gateway");
        Assert.Equal(ServiceSpec.ContainerPort, (int)ingress.Properties["FromPort"]!);
    }

    [Fact]
    public void The_public_load_balancer_fronts_only_the_gateway_and_checks_health()
    {
        var balancer = Assert.Single(stack.Resources("AWS::ElasticLoadBalancingV2::LoadBalancer"));
        Assert.Equal("internet-facing", (string?)balancer.Properties["Scheme"]);
        var group = Assert.Single(stack.Resources("AWS::ElasticLoadBalancingV2::TargetGroup"));
        Assert.Equal("/health", (string?)group.Properties["HealthCheckPath"]);

        var balanced = stack.Resources("AWS::ECS::Service").Where(s => s.Properties["LoadBalancers"] is not null).ToList();
        Assert.Equal("gateway", (string?)Assert.Single(balanced).Properties["LoadBalancers"]![0]!["ContainerName"]);
    }

    [Fact]
    public void The_apis_answer_under_the_names_the_gateway_routes_to()
    {
        // Gateway/appsettings.json routes to http://cart-api and http://payments-api, as local service discovery resolves.
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "Gateway", "appsettings.json")))!;
        var hosts = settings["ReverseProxy"]!["Clusters"]!.AsObject()
            .SelectMany(cluster => cluster.Value!["Destinations"]!.AsObject())
            .Select(destination => new Uri((string)destination.Value!["Address"]!))
            .ToList();
        Assert.NotEmpty(hosts);

        foreach (var host in hosts)
        {
            var alias = stack.Service(host.Host)["ServiceConnectConfiguration"]!["Services"]![0]!;
            Assert.Equal(host.Host, (string?)alias["DiscoveryName"]);
            Assert.Equal(host.Host, (string?)alias["ClientAliases"]![0]!["DnsName"]);
            Assert.Equal(host.Port, (int)alias["ClientAliases"]![0]!["Port"]!);
        }

        Assert.Single(stack.Resources("AWS::ServiceDiscovery::HttpNamespace"));
    }

    [Fact]
    public void Redis_encrypts_in_transit_and_at_rest_fails_over_across_zones_and_takes_its_token_from_secrets_manager()
    {
        var redis = Assert.Single(stack.Resources("AWS::ElastiCache::ReplicationGroup")).Properties;

        Assert.True((bool)redis["TransitEncryptionEnabled"]!);
        Assert.True((bool)redis["AtRestEncryptionEnabled"]!);
        Assert.True((bool)redis["MultiAZEnabled"]!);
        Assert.True((bool)redis["AutomaticFailoverEnabled"]!);
        Assert.Contains("resolve:secretsmanager:", redis["AuthToken"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Redis_evicts_only_keys_with_a_ttl_so_the_event_streams_are_never_evicted()
    {
        var (id, parameters) = Assert.Single(stack.Resources("AWS::ElastiCache::ParameterGroup"));
        var redis = Assert.Single(stack.Resources("AWS::ElastiCache::ReplicationGroup")).Properties;

        Assert.Equal("volatile-lru", (string?)parameters["Properties"]!["maxmemory-policy"]);
        Assert.StartsWith("redis7", (string?)parameters["CacheParameterGroupFamily"], StringComparison.Ordinal);
        Assert.Equal($"{{\"Ref\":\"{id}\"}}", redis["CacheParameterGroupName"]!.ToJsonString());
    }

    [Fact]
    public void The_services_trust_the_cognito_user_pool_through_ssm_configuration()
    {
        var authority = stack.Resources("AWS::SSM::Parameter")
            .Where(p => ((string?)p.Properties["Name"])?.EndsWith("/Authentication/Schemes/Bearer/Authority", StringComparison.Ordinal) == true)
            .ToList();

        Assert.Equal(3, authority.Count); // gateway, cart-api, payments-api
        var pool = Assert.Single(stack.Resources("AWS::Cognito::UserPool")).Id;
        Assert.All(authority, p => Assert.Contains("\"https://cognito-idp.eu-west-1.\"", p.Properties["Value"]!.ToJsonString(), StringComparison.Ordinal));
        Assert.All(authority, p => Assert.Contains($"{{\"Ref\":\"{pool}\"}}", p.Properties["Value"]!.ToJsonString(), StringComparison.Ordinal));
        foreach (var service in new[] { "gateway", "cart-api", "payments-api" })
        {
            var secrets = stack.TaskDefinition(service)["ContainerDefinitions"]![0]!["Secrets"]!.AsArray();
            Assert.Contains(secrets, s => (string?)s!["Name"] == "Authentication__Schemes__Bearer__Authority");
        }
    }

    [Fact]
    public void The_services_accept_access_tokens_of_the_storefront_client_only()
    {
        // Cognito access tokens carry client_id, not aud: ServiceDefaults' CognitoAccessTokens checks it against this list.
        var client = Assert.Single(stack.Resources("AWS::Cognito::UserPoolClient")).Id;
        foreach (var service in new[] { "gateway", "cart-api", "payments-api" })
        {
            var parameter = stack.Resources("AWS::SSM::Parameter")
                .Single(p => (string?)p.Properties["Name"] == $"/cart-platform/test/{service}/Authentication/Schemes/Bearer/ValidClientIds/0");
            Assert.Equal($"{{\"Ref\":\"{client}\"}}", parameter.Properties["Value"]!.ToJsonString());
            var secrets = stack.TaskDefinition(service)["ContainerDefinitions"]![0]!["Secrets"]!.AsArray();
            Assert.Contains(secrets, s => (string?)s!["Name"] == "Authentication__Schemes__Bearer__ValidClientIds__0");
        }
    }

    [Fact]
    public void The_gateway_trusts_forwarded_client_addresses_from_the_vpc_only()
    {
        // The ALB sits in the VPC and appends the client's address to X-Forwarded-For; the per-address rate limit needs it.
        var vpc = Assert.Single(stack.Resources("AWS::EC2::VPC")).Id;
        var trusted = stack.Resources("AWS::SSM::Parameter")
            .Where(p => ((string?)p.Properties["Name"])?.Contains("/ForwardedHeaders/TrustedNetworks/", StringComparison.Ordinal) == true)
            .ToList();

        var parameter = Assert.Single(trusted);
        Assert.Equal("/cart-platform/test/gateway/ForwardedHeaders/TrustedNetworks/0", (string?)parameter.Properties["Name"]);
        Assert.Equal($"{{\"Fn::GetAtt\":[\"{vpc}\",\"CidrBlock\"]}}", parameter.Properties["Value"]!.ToJsonString());
        var secrets = stack.TaskDefinition("gateway")["ContainerDefinitions"]![0]!["Secrets"]!.AsArray();
        Assert.Contains(secrets, s => (string?)s!["Name"] == "ForwardedHeaders__TrustedNetworks__0");
    }

    [Fact]
    public void The_audit_bucket_is_versioned_locked_encrypted_and_private()
    {
        var bucket = Assert.Single(stack.Resources("AWS::S3::Bucket")).Properties;

        Assert.Equal("Enabled", (string?)bucket["VersioningConfiguration"]!["Status"]);
        Assert.True((bool)bucket["ObjectLockEnabled"]!);
        Assert.NotNull(bucket["ObjectLockConfiguration"]!["Rule"]!["DefaultRetention"]);
        Assert.NotNull(bucket["BucketEncryption"]);
        Assert.True((bool)bucket["PublicAccessBlockConfiguration"]!["RestrictPublicBuckets"]!);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Aspire.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Aspire.sln not found above the test binaries.");
    }
}
