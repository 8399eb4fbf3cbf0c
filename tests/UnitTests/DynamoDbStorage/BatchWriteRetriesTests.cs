using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using DynamoDbStorage;
using DynamoDbStorage.Retries;

namespace UnitTests.DynamoDbStorage;

public sealed class BatchWriteRetriesTests : IDisposable
{
    private const string Table = "carts";

    private readonly PauseClock _clock = new();

    [Fact]
    public async Task Items_left_unprocessed_twice_are_sent_again_after_throttling_pauses_until_every_one_is_written()
    {
        using var dynamoDb = new ThrottlingDynamoDb(_clock, throttledAnswers: 2, processedWhenThrottled: 1);

        var writing = dynamoDb.BatchWriteAllAsync(Table, [Put("A"), Put("B"), Put("C")], _clock, CancellationToken.None);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var pause = await _clock.NextPauseAsync();
            Assert.InRange(pause, TimeSpan.FromMilliseconds(1), BatchThrottling.Policy.Ceiling(attempt, throttled: true));
            Assert.False(writing.IsCompleted);
            _clock.Advance(pause);
        }

        await writing.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(["A", "B", "C"], dynamoDb.Written.Order());
        Assert.Equal(["A B C", "B C", "C"], dynamoDb.Sent.Select(request => string.Join(' ', request.Items)));
        Assert.Equal(3, dynamoDb.Sent.Select(request => request.At).Distinct().Count()); // a pause before each retry, none before the first
    }

    [Fact]
    public async Task Items_DynamoDB_never_processes_end_the_write_as_a_transient_throttling_failure_after_the_last_attempt()
    {
        using var dynamoDb = new ThrottlingDynamoDb(_clock, throttledAnswers: int.MaxValue, processedWhenThrottled: 0);

        var writing = dynamoDb.BatchWriteAllAsync(Table, [Put("A"), Put("B")], _clock, CancellationToken.None);
        for (var attempt = 1; attempt < BatchThrottling.Policy.MaxAttempts; attempt++)
        {
            _clock.Advance(await _clock.NextPauseAsync());
        }

        var throttled = await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() => writing.WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.Equal(BatchThrottling.Policy.MaxAttempts, dynamoDb.Sent.Count);
        Assert.True(DynamoDbFailures.IsTransient(throttled), "a seed must try again, not stop the host");
        Assert.Empty(dynamoDb.Written);
    }

    [Fact]
    public async Task More_items_than_one_request_takes_are_refused_before_anything_is_sent()
    {
        using var dynamoDb = new ThrottlingDynamoDb(_clock, throttledAnswers: 0, processedWhenThrottled: 0);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            dynamoDb.BatchWriteAllAsync(Table, [.. Enumerable.Range(0, 26).Select(n => Put($"P{n}"))], _clock, CancellationToken.None));

        Assert.Empty(dynamoDb.Sent);
    }

    public void Dispose() => _clock.Dispose();

    private static WriteRequest Put(string pk) =>
        new() { PutRequest = new PutRequest { Item = new() { ["PK"] = new AttributeValue(pk), ["SK"] = new AttributeValue("CATALOG") } } };

    /// <summary>
    /// DynamoDB throttling part of each batch: its first <paramref name="throttledAnswers"/> answers write only the first
    /// <paramref name="processedWhenThrottled"/> items sent and leave the rest in <c>UnprocessedItems</c>; later ones write all.
    /// </summary>
    private sealed class ThrottlingDynamoDb(TimeProvider time, int throttledAnswers, int processedWhenThrottled) : AmazonDynamoDBClient(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = "http://dynamodb.local", AuthenticationRegion = "us-east-1" })
    {
        public List<(List<string> Items, DateTimeOffset At)> Sent { get; } = [];

        public List<string> Written { get; } = [];

        public override Task<BatchWriteItemResponse> BatchWriteItemAsync(BatchWriteItemRequest request, CancellationToken cancellationToken = default)
        {
            var sent = request.RequestItems[Table];
            Sent.Add(([.. sent.Select(PkOf)], time.GetUtcNow()));
            var processed = Sent.Count <= throttledAnswers ? Math.Min(processedWhenThrottled, sent.Count) : sent.Count;
            Written.AddRange(sent.Take(processed).Select(PkOf));
            var unprocessed = sent.Skip(processed).ToList();
            return Task.FromResult(new BatchWriteItemResponse { UnprocessedItems = unprocessed.Count == 0 ? [] : new() { [Table] = unprocessed } });
        }

        private static string PkOf(WriteRequest request) => request.PutRequest.Item["PK"].S;
    }
}
