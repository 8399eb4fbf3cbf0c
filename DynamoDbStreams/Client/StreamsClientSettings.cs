using Amazon.Runtime.Credentials;

namespace DynamoDbStreams.Client;

/// <summary>Endpoint, signing configuration, credentials and retry policy of the Streams client.</summary>
public sealed record StreamsClientSettings(Uri Endpoint, IClientConfig ClientConfig, AWSCredentials Credentials)
{
    public int MaxAttempts { get; init; } = 6;

    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The SDK's standard configuration: region from <c>AWS_REGION</c>/profile (through <see cref="AmazonDynamoDBConfig"/>),
    /// credentials from the default chain, endpoint from the standard variables (<see cref="StreamsEndpoint"/>).
    /// The signing service is <c>dynamodb</c>, as for the Streams API in AWS.
    /// </summary>
    public static StreamsClientSettings FromEnvironment(Func<string, string?> variable)
    {
        var config = new AmazonDynamoDBConfig();
        var region = config.RegionEndpoint ?? FallbackRegionFactory.GetRegionEndpoint() ?? Amazon.RegionEndpoint.USEast1;
        config.RegionEndpoint = region;
        config.AuthenticationRegion = region.SystemName;
        var credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials(config);
        return new StreamsClientSettings(StreamsEndpoint.Resolve(variable, region.SystemName), config, credentials);
    }
}
