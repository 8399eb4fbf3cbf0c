using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace DynamoDbStorage.Resilience;

/// <summary>
/// The SDK's DynamoDB client with <see cref="NotAnsweredIsFinalRetryPolicy"/> in place of its standard retry policy
/// (the SDK's default mode; adaptive's client-side rate limiting would stack on the circuit). The HTTP side, the
/// <see cref="DynamoDbCallGuard"/>, comes in through the config's <c>HttpClientFactory</c>.
/// </summary>
internal sealed class GuardedDynamoDbClient : AmazonDynamoDBClient
{
    public GuardedDynamoDbClient(AmazonDynamoDBConfig config)
        : base(config)
    {
    }

    public GuardedDynamoDbClient(AWSCredentials credentials, AmazonDynamoDBConfig config)
        : base(credentials, config)
    {
    }

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        pipeline.ReplaceHandler<RetryHandler>(new RetryHandler(new NotAnsweredIsFinalRetryPolicy(Config)));
    }
}
