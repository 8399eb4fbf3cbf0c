using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DynamoDbStorage.Tables;
using DynamoDbStreams.Leases;
using DynamoDbStreams.Processing;
using Xunit;

namespace UnitTests.DynamoDbStorage;

public class PlatformTablesTests
{
    [Fact]
    public void The_lease_table_definition_matches_the_name_and_key_the_stream_worker_uses()
    {
        Assert.Equal(new StreamsWorkerOptions().LeaseTable, PlatformTables.EventsLeases.Name);
        Assert.Equal(LeaseTable.KeyAttribute, PlatformTables.EventsLeases.PartitionKey);
        Assert.Null(PlatformTables.EventsLeases.SortKey);
        Assert.Null(PlatformTables.EventsLeases.StreamViewType);
    }

    [Fact]
    public void The_carts_table_has_string_keys_the_products_by_category_index_a_stream_with_both_images_and_ttl()
    {
        var request = PlatformTables.Carts.ToCreateTableRequest("carts");

        Assert.Equal(["PK", "SK"], request.KeySchema.Select(key => key.AttributeName));
        var index = Assert.Single(request.GlobalSecondaryIndexes ?? []);
        Assert.Equal("GSI1", index.IndexName);
        Assert.Equal(["GSI1PK", "GSI1SK"], index.KeySchema.Select(key => key.AttributeName));
        Assert.Equal(ProjectionType.ALL, index.Projection.ProjectionType);
        Assert.Equal(StreamViewType.NEW_AND_OLD_IMAGES, request.StreamSpecification.StreamViewType);
        Assert.Equal("ttl", PlatformTables.Carts.TimeToLiveAttribute);
    }

    [Fact]
    public void Every_platform_table_is_listed_once()
    {
        Assert.Equal(["carts", "payments", "events-leases"], PlatformTables.All.Select(table => table.Name));
    }
}
