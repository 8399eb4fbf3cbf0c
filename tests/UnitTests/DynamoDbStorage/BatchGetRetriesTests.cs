using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using ApiConventions.Problems;
using DynamoDbStorage.Retries;

namespace UnitTests.DynamoDbStorage;

public sealed class BatchGetRetriesTests : IDisposable
{
    private const string Table = "carts";

    private readonly PauseClock _clock = new();

    [Fact]
    public async Task Keys_left_unprocessed_twice_are_asked_again_after_throttling_pauses_until_every_item_is_read()
    {
        using var dynamoDb = new ThrottlingDynamoDb(_clock, throttledAnswers: 2, processedWhenThrottled: 1);

        var reading = dynamoDb.BatchGetAllAsync(Table, [Key("A"), Key("B"), Key("C")], consistentRead: true, _clock, CancellationToken.None);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var pause = await _clock.NextPauseAsync();
            Assert.InRange(pause, TimeSpan.FromMilliseconds(1), BatchThrottling.Policy.Ceiling(attempt, throttled: true));
            Assert.False(reading.IsCompleted);
            _clock.Advance(pause);
        }

        var items = await reading.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(["A", "B", "C"], items.Select(item => item["PK"].S).Order());
        Assert.Equal(["A B C", "B C", "C"], dynamoDb.Asked.Select(request => string.Join(' ', request.Keys)));
        Assert.All(dynamoDb.Asked, request => Assert.True(request.ConsistentRead));
        Assert.Equal(3, dynamoDb.Asked.Select(request => request.At).Distinct().Count()); // a pause before each retry, none before the first
    }

    [Fact]
    public async Task Keys_DynamoDB_never_processes_end_the_read_as_throttling_after_the_last_attempt()
    {
        using var dynamoDb = new ThrottlingDynamoDb(_clock, throttledAnswers: int.MaxValue, processedWhenThrottled: 0);

        var reading = dynamoDb.BatchGetAllAsync(Table, [Key("A"), Key("B")], consistentRead: false, _clock, CancellationToken.None);
        for (var attempt = 1; attempt < BatchThrottling.Policy.MaxAttempts; attempt++)
        {
            _clock.Advance(await _clock.NextPauseAsync());
        }

        var throttled = await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() => reading.WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.Equal(BatchThrottling.Policy.MaxAttempts, dynamoDb.Asked.Count);
        Assert.True(DependencyFailures.IsUnavailable(throttled), "a throttled batch read must answer 503, not 500");
    }

    [Fact]
    public async Task More_keys_than_one_request_takes_are_asked_in_requests_of_a_hundred()
    {
        using var dynamoDb = new ThrottlingDynamoDb(_clock, throttledAnswers: 0, processedWhenThrottled: 0);

        var items = await dynamoDb.BatchGetAllAsync(
            Table, Enumerable.Range(0, 250).Select(n => Key($"P{n}")), consistentRead: false, _clock, CancellationToken.None);

        Assert.Equal(250, items.Count);
        Assert.Equal([100, 100, 50], dynamoDb.Asked.Select(request => request.Keys.Count));
    }

    public void Dispose() => _clock.Dispose();

    private static Dictionary<string, AttributeValue> Key(string pk) => new() { ["PK"] = new AttributeValue(pk), ["SK"] = new AttributeValue("CATALOG") };

    /// <summary>
    /// DynamoDB throttling part of each batch: its first <paramref name="throttledAnswers"/> answers process only the first
    /// <paramref name="processedWhenThrottled"/> keys asked and leave the rest in <c>UnprocessedKeys</c>; later ones process all.
    /// </summary>
    private sealed class ThrottlingDynamoDb(TimeProvider time, int throttledAnswers, int processedWhenThrottled) : AmazonDynamoDBClient(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = "http://dynamodb.local", AuthenticationRegion = "us-east-1" })
    {
        public List<(List<string> Keys, bool? ConsistentRead, DateTimeOffset At)> Asked { get; } = [];

        public override Task<BatchGetItemResponse> BatchGetItemAsync(BatchGetItemRequest request, CancellationToken cancellationToken = default)
        {
            var asked = request.RequestItems[Table];
            Asked.Add(([.. asked.Keys.Select(key => key["PK"].S)], asked.ConsistentRead, time.GetUtcNow()));
            var processed = Asked.Count <= throttledAnswers ? Math.Min(processedWhenThrottled, asked.Keys.Count) : asked.Keys.Count;
            var unprocessed = asked.Keys.Skip(processed).ToList();
            return Task.FromResult(new BatchGetItemResponse
            {
                Responses = new() { [Table] = [.. asked.Keys.Take(processed).Select(key => new Dictionary<string, AttributeValue>(key) { ["name"] = new AttributeValue($"item {key["PK"].S}") })] },
                UnprocessedKeys = unprocessed.Count == 0 ? [] : new() { [Table] = new KeysAndAttributes { Keys = unprocessed, ConsistentRead = asked.ConsistentRead } },
            });
        }
    }
}
