using System.Collections.Concurrent;
using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using HostingIntegrations.DynamoDBFaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using UnitTests.Events;

namespace UnitTests.HostingIntegrations;

/// <summary>
/// The faults that let a call reach DynamoDB, as the AWS SDK reads them. The lagging index: a query of an index answered
/// with no items, as a global secondary index that has not caught up answers, while base-table queries and other calls
/// reach DynamoDB unchanged. The held answer: the call reaches DynamoDB at once, its answer reaches the caller once the
/// fault is cleared. The batch write throttled in part: half its items reach DynamoDB, the SDK reads the rest as
/// unprocessed. The upstream here is a stub that answers every call with one item and records what it was sent.
/// </summary>
public sealed class DynamoDBForwardingFaultTests : IAsyncLifetime
{
    private const string StubItem = """{"PK":{"S":"ACCOUNT#a"},"SK":{"S":"TXN#1"}}""";

    private readonly ConcurrentQueue<(string Operation, string Body)> _upstreamCalls = new();
    private WebApplication _upstream = null!;
    private DynamoDBFaultProxy _proxy = null!;
    private AmazonDynamoDBClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _upstream = builder.Build();
        _upstream.Run(AnswerAsUpstreamAsync);
        await _upstream.StartAsync();
        var upstreamAddress = new Uri(_upstream.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

        _proxy = new DynamoDBFaultProxy(_ => Task.FromResult(upstreamAddress));
        _client = await FaultProxyClient.StartAsync(_proxy);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _proxy.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task A_query_of_an_index_is_answered_with_no_items_while_the_index_lags()
    {
        _proxy.Apply(new DynamoDBFault(DynamoDBFaultKind.IndexLag));

        var response = await _client.QueryAsync(IndexQuery());

        Assert.Equal(HttpStatusCode.OK, response.HttpStatusCode);
        Assert.Empty(response.Items);
        Assert.Equal(0, response.Count);
        Assert.Equal(0, response.ScannedCount);
        Assert.True(response.LastEvaluatedKey is null or { Count: 0 });
        Assert.Empty(_upstreamCalls);
        Assert.Equal(1, _proxy.Injected);
    }

    [Fact]
    public async Task The_same_query_finds_the_item_once_the_fault_is_cleared()
    {
        _proxy.Apply(new DynamoDBFault(DynamoDBFaultKind.IndexLag));
        Assert.Empty((await _client.QueryAsync(IndexQuery())).Items);

        _proxy.Apply(fault: null);

        Assert.Single((await _client.QueryAsync(IndexQuery())).Items);
    }

    [Fact]
    public async Task A_count_of_an_index_is_answered_as_zero_without_items()
    {
        _proxy.Apply(new DynamoDBFault(DynamoDBFaultKind.IndexLag));
        var query = IndexQuery();
        query.Select = Select.COUNT;

        var response = await _client.QueryAsync(query);

        Assert.Equal(0, response.Count);
        Assert.Equal(0, response.ScannedCount);
        Assert.Empty(response.Items ?? []);
    }

    [Fact]
    public async Task Base_table_queries_and_every_other_call_reach_DynamoDB_unchanged_while_the_index_lags()
    {
        _proxy.Apply(new DynamoDBFault(DynamoDBFaultKind.IndexLag));
        var baseTable = new QueryRequest
        {
            TableName = "payments",
            KeyConditionExpression = "PK = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue("ACCOUNT#a") },
            ConsistentRead = true,
        };

        var queried = await _client.QueryAsync(baseTable);
        var read = await _client.GetItemAsync(new GetItemRequest { TableName = "payments", Key = new() { ["PK"] = new AttributeValue("ACCOUNT#a"), ["SK"] = new AttributeValue("TXN#1") } });

        Assert.Single(queried.Items);
        Assert.Equal("TXN#1", read.Item["SK"].S);
        Assert.Equal(["Query", "GetItem"], _upstreamCalls.Select(call => call.Operation));
        Assert.DoesNotContain("IndexName", _upstreamCalls.First().Body, StringComparison.Ordinal);
        Assert.Equal(0, _proxy.Injected);
    }

    [Fact]
    public async Task A_consistent_query_of_a_local_index_is_never_behind()
    {
        _proxy.Apply(new DynamoDBFault(DynamoDBFaultKind.IndexLag));
        var query = IndexQuery();
        query.ConsistentRead = true;

        Assert.Single((await _client.QueryAsync(query)).Items);
        Assert.Equal(0, _proxy.Injected);
    }

    [Fact]
    public async Task Half_the_queries_of_an_index_lag_every_second_one()
    {
        _proxy.Apply(new DynamoDBFault(DynamoDBFaultKind.IndexLag, Percent: 50));

        var found = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            found.Add((await _client.QueryAsync(IndexQuery())).Items.Count);
        }

        Assert.Equal([1, 0, 1, 0], found);
    }

    [Fact]
    public void A_lagging_index_matches_only_queries_and_says_so()
    {
        var fault = new DynamoDBFault(DynamoDBFaultKind.IndexLag);

        Assert.True(fault.Matches("Query"));
        Assert.False(fault.Matches("Scan"));
        Assert.False(fault.Matches("GetItem"));
        Assert.Equal("index behind its table (no items) on 100 % of queries of an index", fault.Describe());
    }

    [Fact]
    public async Task A_lag_of_one_named_index_empties_its_queries_and_lets_queries_of_other_indexes_through()
    {
        _proxy.Apply(new DynamoDBFault(DynamoDBFaultKind.IndexLag) { Index = "GSI1" });
        var otherIndex = IndexQuery();
        otherIndex.IndexName = "GSI2";
        otherIndex.KeyConditionExpression = "GSI2PK = :pk";

        var lagging = await _client.QueryAsync(IndexQuery());
        var current = await _client.QueryAsync(otherIndex);

        Assert.Empty(lagging.Items);
        Assert.Single(current.Items);
        var forwarded = Assert.Single(_upstreamCalls);
        Assert.Contains("\"IndexName\":\"GSI2\"", forwarded.Body, StringComparison.Ordinal);
        Assert.Equal(1, _proxy.Injected);
        Assert.Equal("index behind its table (no items) on 100 % of queries of index GSI1", new DynamoDBFault(DynamoDBFaultKind.IndexLag) { Index = "GSI1" }.Describe());
    }

    [Fact]
    public async Task A_held_answer_reaches_the_caller_once_the_fault_is_cleared_though_the_call_reached_DynamoDB_at_once()
    {
        _proxy.Apply(new DynamoDBFault(DynamoDBFaultKind.HoldAnswer, Operations: new HashSet<string> { "Query" }));

        var held = _client.QueryAsync(new QueryRequest
        {
            TableName = "carts",
            KeyConditionExpression = "PK = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue("CART#1") },
        });
        await Eventually.HoldsAsync(() => _proxy.AnswersHeld == 1, TimeSpan.FromSeconds(10));
        Assert.Single(_upstreamCalls); // counted once DynamoDB had answered
        await Task.Delay(300);
        Assert.False(held.IsCompleted, "the answer was not held");
        Assert.NotEmpty((await _client.GetItemAsync(new GetItemRequest { TableName = "t", Key = new() { ["PK"] = new AttributeValue("ACCOUNT#a") } })).Item); // other calls go on meanwhile

        _proxy.Apply(fault: null);

        Assert.Single((await held.WaitAsync(TimeSpan.FromSeconds(10))).Items);
        Assert.Equal(["Query", "GetItem"], _upstreamCalls.Select(call => call.Operation));
        Assert.Equal(1, _proxy.Injected);
    }

    [Fact]
    public async Task A_throttled_batch_write_reaches_DynamoDB_with_half_its_items_and_the_SDK_reads_the_rest_as_unprocessed()
    {
        _proxy.Apply(new DynamoDBFault(DynamoDBFaultKind.Throttle, Operations: new HashSet<string> { "BatchWriteItem" }));
        var requests = Enumerable.Range(1, 5).Select(n => new WriteRequest(new PutRequest(new() { ["PK"] = new AttributeValue($"PRODUCT#SKU-{n}"), ["SK"] = new AttributeValue("CATALOG") }))).ToList();

        var response = await _client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { ["carts"] = requests } });

        Assert.Equal(HttpStatusCode.OK, response.HttpStatusCode);
        var unprocessed = Assert.Single(response.UnprocessedItems);
        Assert.Equal("carts", unprocessed.Key);
        Assert.Equal(["PRODUCT#SKU-4", "PRODUCT#SKU-5"], unprocessed.Value.Select(request => request.PutRequest.Item["PK"].S));
        Assert.Equal("CATALOG", unprocessed.Value[0].PutRequest.Item["SK"].S);
        var forwarded = Assert.Single(_upstreamCalls);
        Assert.Equal("BatchWriteItem", forwarded.Operation);
        Assert.Contains("PRODUCT#SKU-3", forwarded.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("PRODUCT#SKU-4", forwarded.Body, StringComparison.Ordinal);
        Assert.Equal((1, 1, 2), (_proxy.Injected, _proxy.PartialBatches, _proxy.LeftUnprocessed));
    }

    [Fact]
    public async Task A_malformed_batch_write_reaches_DynamoDB_untouched_while_writes_are_throttled()
    {
        _proxy.Apply(new DynamoDBFault(DynamoDBFaultKind.Throttle, Operations: new HashSet<string> { "BatchWriteItem" }));
        const string malformed = """{"RequestItems":{"carts":{"PutRequest":"not a list"}}""";
        using var http = new HttpClient();
        using var call = new HttpRequestMessage(HttpMethod.Post, await _proxy.Address)
        {
            Content = new StringContent(malformed, System.Text.Encoding.UTF8, "application/x-amz-json-1.0"),
        };
        call.Headers.Add("X-Amz-Target", "DynamoDB_20120810.BatchWriteItem");

        using var answer = await http.SendAsync(call);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode); // what the stub upstream answers: DynamoDB is the one to refuse it
        Assert.Equal(malformed, Assert.Single(_upstreamCalls).Body);
        Assert.Equal((0, 0), (_proxy.Injected, _proxy.PartialBatches));
    }

    private static QueryRequest IndexQuery() => new()
    {
        TableName = "payments",
        IndexName = "GSI1",
        KeyConditionExpression = "GSI1PK = :pk",
        ExpressionAttributeValues = new() { [":pk"] = new AttributeValue("TXN#1") },
        Limit = 1,
    };

    private async Task AnswerAsUpstreamAsync(HttpContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var operation = target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..];
        using var reader = new StreamReader(context.Request.Body);
        _upstreamCalls.Enqueue((operation, await reader.ReadToEndAsync(context.RequestAborted)));

        context.Response.ContentType = "application/x-amz-json-1.0";
        await context.Response.WriteAsync(
            operation switch
            {
                "GetItem" => $$"""{"Item":{{StubItem}}}""",
                "BatchWriteItem" => """{"UnprocessedItems":{}}""",
                _ => $$"""{"Count":1,"Items":[{{StubItem}}],"ScannedCount":1}""",
            },
            context.RequestAborted);
    }
}
