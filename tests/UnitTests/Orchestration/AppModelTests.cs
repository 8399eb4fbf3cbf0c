using Orchestration.ApplicationModel;
using Orchestration.Hosting;
using Orchestration.Lifecycle;

namespace UnitTests.Orchestration;

public class AppModelTests
{
    [Fact]
    public void Dependencies_come_before_their_dependents()
    {
        var builder = AppModel.NewBuilder();
        var redis = builder.AddRedis("redis");
        var catalog = builder.AddProject<CatalogProject>("catalog-api").WithReference(redis).WaitFor(redis);
        builder.AddProject<FrontendProject>("frontend").WaitFor(catalog);

        var order = ResourceGraph.TopologicalOrder(builder.Resources.Reverse().ToArray()).Select(r => r.Name);

        Assert.Equal(["redis", "catalog-api", "frontend"], order);
    }

    [Fact]
    public void A_wait_cycle_is_rejected()
    {
        var builder = AppModel.NewBuilder();
        var catalog = builder.AddProject<CatalogProject>("catalog-api");
        var frontend = builder.AddProject<FrontendProject>("frontend").WaitFor(catalog);
        catalog.WaitFor(frontend);

        Assert.Throws<InvalidOperationException>(() => ResourceGraph.TopologicalOrder(builder.Resources));
    }

    [Fact]
    public void Keeping_part_of_the_model_keeps_what_it_needs_and_drops_the_rest()
    {
        var builder = AppModel.NewBuilder();
        var redis = builder.AddRedis("redis");
        var dynamodb = builder.AddDynamoDBLocal("dynamodb");
        var catalog = builder.AddProject<CatalogProject>("catalog-api").WithReference(dynamodb).WaitFor(dynamodb);
        builder.AddProject<FrontendProject>("frontend").WithReference(catalog).WithReference(redis);

        builder.KeepOnly(["catalog-api"]);

        Assert.Equal(["catalog-api", "dynamodb"], builder.Resources.Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Declaring_two_resources_with_one_name_fails()
    {
        var builder = AppModel.NewBuilder();
        builder.AddRedis("redis");

        Assert.Throws<InvalidOperationException>(() => builder.AddRedis("redis"));
    }

    [Theory]
    [InlineData("Cart")]
    [InlineData("cart_api")]
    [InlineData("-cart")]
    [InlineData("cart--api")]
    public void Resource_names_are_kebab_case(string name) =>
        Assert.Throws<ArgumentException>(() => ResourceNames.Validate(name));

    [Fact]
    public void The_resource_table_aligns_its_columns()
    {
        var table = ResourceTable.Format(
        [
            new ReplicaSnapshot("redis", "redis", ResourceState.Healthy, 42, null, null, ["tcp://127.0.0.1:6379"]),
            new ReplicaSnapshot("cart-api", "cart-api-0", ResourceState.Running, 4242, null, null, ["http://127.0.0.1:5000"]),
        ]);

        var lines = table.Split(Environment.NewLine);
        Assert.Equal("NAME        STATE    PID   URL", lines[0]);
        Assert.Equal("redis       Healthy  42    tcp://127.0.0.1:6379", lines[1]);
        Assert.Equal("cart-api-0  Running  4242  http://127.0.0.1:5000", lines[2]);
    }
}
