using Amazon.CDK.Assertions;
using DynamoDbStorage.Tables;

namespace DeployTests;

public class TableTests(SynthesizedStack stack) : IClassFixture<SynthesizedStack>
{
    public static TheoryData<string> TableNames => [.. PlatformTables.All.Select(table => table.Name)];

    private JsonObject Table(string logicalName) => stack.Resources("AWS::DynamoDB::GlobalTable")
        .Single(table => (string?)table.Properties["TableName"] == $"{SynthesizedStack.EnvironmentName}-{logicalName}").Properties;

    [Fact]
    public void The_stack_holds_exactly_the_platform_tables()
    {
        Assert.Equal(PlatformTables.All.Count, stack.Resources("AWS::DynamoDB::GlobalTable").Count());
    }

    [Theory]
    [MemberData(nameof(TableNames))]
    public void Each_table_has_the_keys_and_indexes_of_its_shared_definition(string logicalName)
    {
        var definition = PlatformTables.All.Single(table => table.Name == logicalName);
        var table = Table(logicalName);

        Assert.Equal(KeySchema(definition.PartitionKey, definition.SortKey), table["KeySchema"]!.ToJsonString());
        var indexes = table["GlobalSecondaryIndexes"]?.AsArray() ?? [];
        Assert.Equal(definition.GlobalIndexes.Select(index => index.Name), indexes.Select(index => (string)index!["IndexName"]!));
        foreach (var (index, deployed) in definition.GlobalIndexes.Zip(indexes))
        {
            Assert.Equal(KeySchema(index.PartitionKey, index.SortKey), deployed!["KeySchema"]!.ToJsonString());
            Assert.Equal("ALL", (string?)deployed["Projection"]!["ProjectionType"]);
        }

        Assert.All(table["AttributeDefinitions"]!.AsArray(), attribute => Assert.Equal("S", (string?)attribute!["AttributeType"]));
    }

    [Theory]
    [MemberData(nameof(TableNames))]
    public void Each_table_is_on_demand_encrypted_with_pitr_deletion_protection_ttl_and_its_stream(string logicalName)
    {
        var definition = PlatformTables.All.Single(table => table.Name == logicalName);
        var table = Table(logicalName);
        var replica = table["Replicas"]!.AsArray().Single()!;

        Assert.Equal("PAY_PER_REQUEST", (string?)table["BillingMode"]);
        Assert.True((bool)table["SSESpecification"]!["SSEEnabled"]!);
        Assert.True((bool)replica["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!);
        Assert.True((bool)replica["DeletionProtectionEnabled"]!);
        Assert.Equal(definition.TimeToLiveAttribute, (string?)table["TimeToLiveSpecification"]?["AttributeName"]);
        Assert.Equal(definition.StreamViewType?.Value, (string?)table["StreamSpecification"]?["StreamViewType"]);
    }

    [Fact]
    public void Carts_and_payments_stream_both_images_and_expire_on_ttl()
    {
        foreach (var name in new[] { PlatformTables.CartsName, PlatformTables.PaymentsName })
        {
            stack.Template.HasResourceProperties("AWS::DynamoDB::GlobalTable", Match.ObjectLike(new Dictionary<string, object>
            {
                ["TableName"] = $"{SynthesizedStack.EnvironmentName}-{name}",
                ["StreamSpecification"] = new Dictionary<string, object> { ["StreamViewType"] = "NEW_AND_OLD_IMAGES" },
                ["TimeToLiveSpecification"] = new Dictionary<string, object> { ["AttributeName"] = "ttl", ["Enabled"] = true },
            }));
        }
    }

    [Fact]
    public void The_tables_are_retained_when_the_stack_is_deleted()
    {
        var resources = stack.Json["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == "AWS::DynamoDB::GlobalTable");
        Assert.All(resources, resource => Assert.Equal("Retain", (string?)resource.Value!["DeletionPolicy"]));
    }

    private static string KeySchema(string partitionKey, string? sortKey)
    {
        var keys = new JsonArray(new JsonObject { ["AttributeName"] = partitionKey, ["KeyType"] = "HASH" });
        if (sortKey is not null)
        {
            keys.Add(new JsonObject { ["AttributeName"] = sortKey, ["KeyType"] = "RANGE" });
        }

        return keys.ToJsonString();
    }
}
