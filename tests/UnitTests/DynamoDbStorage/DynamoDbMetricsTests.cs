using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using DynamoDbStorage.Telemetry;
using DynamoDbStorage.Transactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using System.Diagnostics.Metrics;

namespace UnitTests.DynamoDbStorage;

public sealed class DynamoDbMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly DynamoDbMetrics _metrics;
    private readonly MetricCollector<long> _throttles;
    private readonly MetricCollector<long> _failures;

    public DynamoDbMetricsTests()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        _metrics = new DynamoDbMetrics(meters);
        _throttles = new MetricCollector<long>(meters, DynamoDbMetrics.MeterName, "dynamodb.throttles");
        _failures = new MetricCollector<long>(meters, DynamoDbMetrics.MeterName, "dynamodb.transaction.failures");
    }

    [Fact]
    public async Task A_call_DynamoDB_answers_as_throttled_counts_as_a_throttle_of_its_operation()
    {
        using var dynamodb = new ThrottlingDynamoDb();
        using var client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = dynamodb.Url, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        _metrics.Observe(client);

        await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() => client.GetItemAsync(new GetItemRequest
        {
            TableName = "carts",
            Key = new() { ["PK"] = new AttributeValue("CART#1"), ["SK"] = new AttributeValue("META") },
        }));

        var throttle = Assert.Single(_throttles.GetMeasurementSnapshot());
        Assert.Equal("GetItem", throttle.Tags["operation"]);
    }

    [Fact]
    public void A_transaction_cancelled_for_a_throttled_item_is_a_throttle_and_a_failed_condition_is_not()
    {
        _metrics.CallFailed("TransactWriteItems", new TransactionCanceledException("cancelled")
        {
            CancellationReasons = [new CancellationReason { Code = "None" }, new CancellationReason { Code = "ThrottlingError" }],
        });
        _metrics.CallFailed("TransactWriteItems", new TransactionCanceledException("cancelled")
        {
            CancellationReasons = [new CancellationReason { Code = "ConditionalCheckFailed" }],
        });
        _metrics.CallFailed("Query", new AmazonDynamoDBException("validation") { ErrorCode = "ValidationException" });

        Assert.Equal("TransactWriteItems", Assert.Single(_throttles.GetMeasurementSnapshot()).Tags["operation"]);
    }

    [Theory]
    [InlineData(CancellationKind.KeyTaken, "key_taken")]
    [InlineData(CancellationKind.ConditionFailed, "condition_failed")]
    [InlineData(CancellationKind.TransactionConflict, "transaction_conflict")]
    [InlineData(CancellationKind.Throttled, "throttled")]
    [InlineData(CancellationKind.Unexpected, "unexpected")]
    public void Transaction_failures_are_counted_by_reason(CancellationKind kind, string reason)
    {
        _metrics.TransactionFailed(kind);

        var failure = Assert.Single(_failures.GetMeasurementSnapshot());
        Assert.Equal((1L, reason), (failure.Value, failure.Tags["reason"]));
    }

    public void Dispose()
    {
        _throttles.Dispose();
        _failures.Dispose();
        _metrics.Dispose();
        _services.Dispose();
    }

    /// <summary>A loopback HTTP endpoint that answers every call as throttled DynamoDB does (JSON 1.0 protocol).</summary>
    private sealed class ThrottlingDynamoDb : IDisposable
    {
        private readonly HttpListener _listener = new();

        public ThrottlingDynamoDb()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = AnswerAsync();
        }

        public string Url { get; }

        public void Dispose() => _listener.Close();

        private async Task AnswerAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                var body = Encoding.UTF8.GetBytes("""{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"Rate of requests exceeds the allowed throughput."}""");
                context.Response.StatusCode = 400;
                context.Response.ContentType = "application/x-amz-json-1.0";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        }
    }
}
