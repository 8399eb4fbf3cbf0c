namespace DynamoDbStorage.Resilience;

/// <summary>
/// Gives the AWS SDK one <see cref="HttpClient"/> whose handler is the <see cref="DynamoDbCallGuard"/> over a pooled
/// <see cref="SocketsHttpHandler"/>; the guard enforces the attempt timeout, so the client's own is infinite.
/// </summary>
internal sealed class GuardedHttpClientFactory(HttpMessageHandler guard) : Amazon.Runtime.HttpClientFactory
{
    private readonly HttpClient _client = new(guard, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    public override HttpClient CreateHttpClient(Amazon.Runtime.IClientConfig clientConfig) => _client;

    public override bool UseSDKHttpClientCaching(Amazon.Runtime.IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(Amazon.Runtime.IClientConfig clientConfig) => false;
}
