using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using HostingIntegrations.DynamoDBFaults;

namespace UnitTests.HostingIntegrations;

/// <summary>
/// The fault injector's answers as the AWS SDK reads them: each injected fault must surface as the exception real
/// DynamoDB would cause, or services' handling of it proves nothing. No call reaches an upstream here.
/// </summary>
public sealed class DynamoDBFaultProxyTests : IAsyncLifetime
{
    private readonly DynamoDBFaultProxy _proxy = new(_ => throw new InvalidOperationException("no call may be forwarded in these tests"));
    private AmazonDynamoDBClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = await FaultProxyClient.StartAsync(_proxy);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _proxy.DisposeAsync();
    }

    [Fact]
    public async Task A_throttled_call_is_a_ProvisionedThroughputExceededException()
    {
        _proxy.Apply(new DynamoDBFault(DynamoDBFaultKind.Throttle));

        await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() => _client.PutItemAsync(Put()));
        Assert.Equal(1, _proxy.Injected);
    }

    [Fact]
    public async Task A_throttling_exception_can_be_chosen_instead()
    {
        _proxy.Apply(new DynamoDBFault(DynamoDBFaultKind.Throttle) { ThrottlingError = DynamoDBErrors.Throttling });

        var error = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => _client.PutItemAsync(Put()));
        Assert.Equal("ThrottlingException", error.ErrorCode);
    }

    [Fact]
    public async Task A_throttled_transaction_is_cancelled_with_a_ThrottlingError_reason_per_item()
    {
        _proxy.Apply(new DynamoDBFault(DynamoDBFaultKind.Throttle));

        var error = await Assert.ThrowsAsync<TransactionCanceledException>(() => _client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new() { Put = new() { TableName = "t", Item = Put().Item } }, new() { Put = new() { TableName = "t", Item = Put().Item } }],
        }));

        Assert.Equal(["ThrottlingError", "None"], error.CancellationReasons.Select(reason => reason.Code));
    }

    [Fact]
    public async Task A_throttled_batch_write_of_one_item_is_a_ProvisionedThroughputExceededException()
    {
        _proxy.Apply(new DynamoDBFault(DynamoDBFaultKind.Throttle));

        await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() => _client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { ["t"] = [new WriteRequest(new PutRequest(Put().Item))] },
        }));
        Assert.Equal((1, 0), (_proxy.Injected, _proxy.PartialBatches));
    }

    [Fact]
    public async Task A_failed_call_is_an_InternalServerError()
    {
        _proxy.Apply(new DynamoDBFault(DynamoDBFaultKind.ServerError));

        await Assert.ThrowsAsync<InternalServerErrorException>(() => _client.PutItemAsync(Put()));
    }

    [Fact]
    public async Task Half_the_calls_are_hit_every_second_one()
    {
        _proxy.Apply(new DynamoDBFault(DynamoDBFaultKind.ServerError, Percent: 50, Operations: new HashSet<string> { "PutItem" }));

        var outcomes = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            // The forward fails (no upstream here): what matters is whether the fault answered first.
            var error = await Assert.ThrowsAnyAsync<Exception>(() => _client.PutItemAsync(Put()));
            outcomes.Add(error is InternalServerErrorException);
        }

        Assert.Equal([false, true, false, true], outcomes);
        Assert.Equal(2, _proxy.Injected);
    }

    [Fact]
    public void A_fault_matches_only_the_operations_it_names()
    {
        var fault = new DynamoDBFault(DynamoDBFaultKind.Stall, Operations: new HashSet<string> { "TransactWriteItems" });

        Assert.True(fault.Matches("TransactWriteItems"));
        Assert.False(fault.Matches("GetItem"));
        Assert.True(new DynamoDBFault(DynamoDBFaultKind.Stall).Matches("GetRecords"));
    }

    private static PutItemRequest Put() => new() { TableName = "t", Item = new() { ["PK"] = new AttributeValue("a") } };
}
