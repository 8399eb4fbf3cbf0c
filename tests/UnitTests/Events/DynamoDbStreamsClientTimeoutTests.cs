using Amazon.DynamoDBv2;
using Amazon.Runtime;
using DynamoDbStreams.Client;
using DynamoDbStreams.Processing;
using Microsoft.Extensions.Logging.Abstractions;

namespace UnitTests.Events;

public sealed class DynamoDbStreamsClientTimeoutTests
{
    [Fact]
    public async Task A_call_the_endpoint_never_answers_ends_as_a_timeout_the_worker_outlives_after_the_retries()
    {
        var endpoint = new SilentEndpoint();
        using var http = new HttpClient(endpoint) { Timeout = TimeSpan.FromMilliseconds(50) };

        var timedOut = await Assert.ThrowsAsync<TimeoutException>(
            () => Client(http).GetShardIteratorAsync("arn:stream", "shardId-1", ShardIteratorType.TRIM_HORIZON, null, CancellationToken.None));

        Assert.Equal(2, endpoint.Calls); // retried like any transient failure before giving up
        Assert.IsAssignableFrom<OperationCanceledException>(timedOut.InnerException);
        Assert.True(DynamoDbFailure.IsTransient(timedOut));
    }

    [Fact]
    public async Task A_call_the_caller_cancels_ends_as_a_cancellation_and_is_not_retried()
    {
        var endpoint = new SilentEndpoint();
        using var http = new HttpClient(endpoint) { Timeout = Timeout.InfiniteTimeSpan };
        using var stop = new CancellationTokenSource();

        var call = Client(http).GetShardIteratorAsync("arn:stream", "shardId-1", ShardIteratorType.TRIM_HORIZON, null, stop.Token);
        await endpoint.Called.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, endpoint.Calls);
    }

    private static DynamoDbStreamsClient Client(HttpClient http) => new(
        http,
        new StreamsClientSettings(
            new Uri("http://dynamodb.local/"),
            new AmazonDynamoDBConfig { ServiceURL = "http://dynamodb.local", AuthenticationRegion = "us-east-1" },
            new BasicAWSCredentials("local", "local"))
        {
            MaxAttempts = 2,
            BaseBackoff = TimeSpan.FromMilliseconds(1),
        },
        TimeProvider.System,
        NullLogger<DynamoDbStreamsClient>.Instance);

    /// <summary>An endpoint that accepts every request and never answers: only a timeout or the caller ends the wait.</summary>
    private sealed class SilentEndpoint : HttpMessageHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public TaskCompletionSource Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            Called.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
