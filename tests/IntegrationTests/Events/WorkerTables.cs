using Amazon;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using DynamoDbStreams.Client;
using DynamoDbStreams.Leases;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationTests.Events;

/// <summary>
/// A source table with a stream (both images) and a lease table of its own on DynamoDB Local, with the real Streams
/// client and lease table over them: what a test of the real worker, run in process, reads from.
/// </summary>
internal sealed class WorkerTables : IDisposable
{
    private readonly HttpClient _http = new();

    private WorkerTables(DynamoDbLocalFixture dynamodb, string sourceTable, string leaseTable)
    {
        SourceTable = sourceTable;
        Streams = new DynamoDbStreamsClient(
            _http,
            new StreamsClientSettings(new Uri(dynamodb.Client.Config.ServiceURL), new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.USEast1 }, new BasicAWSCredentials("local", "local")),
            TimeProvider.System,
            NullLogger<DynamoDbStreamsClient>.Instance);
        Leases = new LeaseTable(dynamodb.Client, leaseTable, TimeProvider.System);
    }

    public string SourceTable { get; }

    public DynamoDbStreamsClient Streams { get; }

    public LeaseTable Leases { get; }

    /// <summary>Creates both tables, named from <paramref name="prefix"/> and a fresh id.</summary>
    public static async Task<WorkerTables> CreateAsync(DynamoDbLocalFixture dynamodb, string prefix)
    {
        var sourceTable = $"{prefix}-source-{Guid.NewGuid():N}"[..32];
        var leaseTable = $"{prefix}-leases-{Guid.NewGuid():N}"[..32];
        await dynamodb.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = sourceTable,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new("PK", ScalarAttributeType.S)],
            KeySchema = [new("PK", KeyType.HASH)],
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
        });
        await dynamodb.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = leaseTable,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new(LeaseTable.KeyAttribute, ScalarAttributeType.S)],
            KeySchema = [new(LeaseTable.KeyAttribute, KeyType.HASH)],
        });

        return new WorkerTables(dynamodb, sourceTable, leaseTable);
    }

    public void Dispose() => _http.Dispose();
}
