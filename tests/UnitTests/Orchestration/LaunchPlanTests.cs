using Orchestration.Hosting;
using Orchestration.Lifecycle;

namespace UnitTests.Orchestration;

public class LaunchPlanTests
{
    [Fact]
    public void Referencing_a_project_injects_service_discovery_for_every_replica()
    {
        var builder = AppModel.NewBuilder();
        var catalog = builder.AddProject<CatalogProject>("catalog-api").WithReplicas(2);
        var frontend = builder.AddProject<FrontendProject>("frontend").WithReference(catalog);
        var endpoints = AppModel.AssignPorts(builder);

        var plan = LaunchPlan.For(endpoints.ReplicasOf(frontend.Resource)[0], endpoints);

        Assert.Equal("http://127.0.0.1:10000", plan.Environment["services__catalog-api__http__0"]);
        Assert.Equal("http://127.0.0.1:10001", plan.Environment["services__catalog-api__http__1"]);
        Assert.Equal("http://127.0.0.1:10000", plan.Environment["CATALOG_API_HTTP"]);
        Assert.False(plan.Environment.ContainsKey("services__catalog-api__http__2"));
    }

    [Fact]
    public void Each_replica_listens_on_its_own_port_and_names_itself_in_telemetry()
    {
        var builder = AppModel.NewBuilder();
        var catalog = builder.AddProject<CatalogProject>("catalog-api").WithReplicas(2);
        var endpoints = AppModel.AssignPorts(builder);

        var second = LaunchPlan.For(endpoints.ReplicasOf(catalog.Resource)[1], endpoints);

        Assert.Equal("http://127.0.0.1:10001", second.Environment["ASPNETCORE_URLS"]);
        Assert.Equal("catalog-api", second.Environment["OTEL_SERVICE_NAME"]);
        Assert.Equal("service.instance.id=catalog-api-1", second.Environment["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal("Development", second.Environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("1000", second.Environment["OTEL_BSP_SCHEDULE_DELAY"]);
        Assert.Equal(["/src/Catalog.Api/bin/Debug/net10.0/Catalog.Api.dll"], second.Arguments);
        Assert.Equal("/src/Catalog.Api", second.WorkingDirectory);
    }

    [Fact]
    public void Referencing_redis_injects_its_connection_string()
    {
        var builder = AppModel.NewBuilder();
        var redis = builder.AddRedis("cache");
        var catalog = builder.AddProject<CatalogProject>("catalog-api").WithReference(redis);
        var endpoints = AppModel.AssignPorts(builder);

        var plan = LaunchPlan.For(endpoints.ReplicasOf(catalog.Resource)[0], endpoints);

        Assert.Equal("127.0.0.1:10000", plan.Environment["ConnectionStrings__cache"]);
    }

    [Fact]
    public void Referencing_dynamodb_local_sets_the_aws_sdk_standard_variables()
    {
        var builder = AppModel.NewBuilder();
        var dynamodb = builder.AddDynamoDBLocal("dynamodb");
        var catalog = builder.AddProject<CatalogProject>("catalog-api").WithReference(dynamodb);
        var endpoints = AppModel.AssignPorts(builder);

        var plan = LaunchPlan.For(endpoints.ReplicasOf(catalog.Resource)[0], endpoints);

        Assert.Equal("http://127.0.0.1:10000", plan.Environment["AWS_ENDPOINT_URL_DYNAMODB"]);
        Assert.Equal("us-east-1", plan.Environment["AWS_REGION"]);
        Assert.True(plan.Environment.ContainsKey("AWS_ACCESS_KEY_ID"));
        Assert.True(plan.Environment.ContainsKey("AWS_SECRET_ACCESS_KEY"));
    }

    [Fact]
    public void Dynamodb_local_runs_in_memory_with_a_shared_database_and_no_telemetry()
    {
        var builder = AppModel.NewBuilder();
        var dynamodb = builder.AddDynamoDBLocal("dynamodb");
        var endpoints = AppModel.AssignPorts(builder);

        var plan = LaunchPlan.For(endpoints.ReplicasOf(dynamodb.Resource)[0], endpoints);

        Assert.Contains("-inMemory", plan.Arguments);
        Assert.Contains("-sharedDb", plan.Arguments);
        Assert.Contains("-disableTelemetry", plan.Arguments);
        Assert.Equal("10000", plan.Arguments[plan.Arguments.ToList().IndexOf("-port") + 1]);
        Assert.EndsWith("DynamoDBLocal.jar", plan.Arguments[plan.Arguments.ToList().IndexOf("-jar") + 1]);
    }

    [Fact]
    public void Redis_runs_as_a_cache_without_persistence_on_loopback()
    {
        var builder = AppModel.NewBuilder();
        var redis = builder.AddRedis("redis");
        var endpoints = AppModel.AssignPorts(builder);

        var plan = LaunchPlan.For(endpoints.ReplicasOf(redis.Resource)[0], endpoints);

        Assert.Equal(["--port", "10000", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], plan.Arguments);
    }
}
