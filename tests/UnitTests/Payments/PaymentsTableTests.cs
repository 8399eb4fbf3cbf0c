using Amazon.DynamoDBv2;
using Payments.Api.Table;
using Xunit;

namespace UnitTests.Payments;

public class PaymentsTableTests
{
    [Fact]
    public void The_payments_table_has_three_all_projecting_indexes_streams_and_string_keys()
    {
        var request = PaymentsTable.Definition.ToCreateTableRequest("payments");

        Assert.Equal(["GSI1", "GSI2", "GSI3"], request.GlobalSecondaryIndexes.Select(index => index.IndexName));
        Assert.All(request.GlobalSecondaryIndexes, index => Assert.Equal(ProjectionType.ALL, index.Projection.ProjectionType));
        Assert.Equal(StreamViewType.NEW_AND_OLD_IMAGES, request.StreamSpecification.StreamViewType);
        Assert.Equal(BillingMode.PAY_PER_REQUEST, request.BillingMode);
        Assert.Equal(
            ["GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK", "GSI3PK", "GSI3SK", "PK", "SK"],
            request.AttributeDefinitions.Select(attribute => attribute.AttributeName).Order(StringComparer.Ordinal));
        Assert.All(request.AttributeDefinitions, attribute => Assert.Equal(ScalarAttributeType.S, attribute.AttributeType));
        Assert.Equal("ttl", PaymentsTable.Definition.TimeToLiveAttribute);
    }
}
