using Amazon.DynamoDBv2;
using Amazon.Runtime;
using HostingIntegrations.DynamoDBFaults;

namespace UnitTests.HostingIntegrations;

/// <summary>An AWS SDK client that talks to DynamoDB through a fault proxy and never retries, so each call shows what the proxy answered.</summary>
internal static class FaultProxyClient
{
    public static async Task<AmazonDynamoDBClient> StartAsync(DynamoDBFaultProxy proxy)
    {
        await proxy.StartAsync(CancellationToken.None);
        return new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig
        {
            ServiceURL = (await proxy.Address).ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });
    }
}
