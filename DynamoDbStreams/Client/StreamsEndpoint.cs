namespace DynamoDbStreams.Client;

/// <summary>
/// Where the Streams API lives, from the SDK's standard variables: the Streams-specific
/// <c>AWS_ENDPOINT_URL_DYNAMODB_STREAMS</c>, else <c>AWS_ENDPOINT_URL_DYNAMODB</c> (DynamoDB Local serves both APIs on
/// one port), else the global <c>AWS_ENDPOINT_URL</c>, else the regional AWS endpoint.
/// </summary>
public static class StreamsEndpoint
{
    public static readonly IReadOnlyList<string> Variables = ["AWS_ENDPOINT_URL_DYNAMODB_STREAMS", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL"];

    public static Uri Resolve(Func<string, string?> variable, string region)
    {
        ArgumentNullException.ThrowIfNull(variable);
        foreach (var name in Variables)
        {
            if (variable(name) is { Length: > 0 } value)
            {
                return new Uri(value, UriKind.Absolute);
            }
        }

        return new Uri($"https://streams.dynamodb.{region}.amazonaws.com/", UriKind.Absolute);
    }
}
