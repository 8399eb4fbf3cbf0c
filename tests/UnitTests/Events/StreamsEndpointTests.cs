using DynamoDbStreams.Client;

namespace UnitTests.Events;

public sealed class StreamsEndpointTests
{
    [Fact]
    public void The_DynamoDB_endpoint_variable_serves_the_streams_locally()
    {
        var endpoint = StreamsEndpoint.Resolve(name => name == "AWS_ENDPOINT_URL_DYNAMODB" ? "http://localhost:8000" : null, "us-east-1");

        Assert.Equal(new Uri("http://localhost:8000"), endpoint);
    }

    [Fact]
    public void A_streams_specific_endpoint_wins_over_the_DynamoDB_one()
    {
        var variables = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://a:1", ["AWS_ENDPOINT_URL_DYNAMODB_STREAMS"] = "http://b:2" };

        Assert.Equal(new Uri("http://b:2"), StreamsEndpoint.Resolve(name => variables.GetValueOrDefault(name), "us-east-1"));
    }

    [Fact]
    public void Without_variables_the_regional_AWS_endpoint_is_used()
    {
        Assert.Equal(new Uri("https://streams.dynamodb.eu-west-1.amazonaws.com/"), StreamsEndpoint.Resolve(_ => null, "eu-west-1"));
    }
}
