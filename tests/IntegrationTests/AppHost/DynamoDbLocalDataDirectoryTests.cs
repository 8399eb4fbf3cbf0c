using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace IntegrationTests.AppHost;

/// <summary><c>--DynamoDBLocal:DataDirectory</c>: the real DynamoDB Local keeps its tables in that folder from one run to the next.</summary>
public sealed class DynamoDbLocalDataDirectoryTests
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_table_created_in_one_run_is_there_in_the_next_run_on_the_same_data_directory()
    {
        var directory = Directory.CreateTempSubdirectory("dynamodb-data-").FullName;
        try
        {
            await using (var first = await StartAsync(directory))
            {
                using var client = DynamoDbLocalFixture.ClientOf(first.App);
                await client.CreateTableAsync(new CreateTableRequest
                {
                    TableName = "kept",
                    KeySchema = [new KeySchemaElement("PK", KeyType.HASH)],
                    AttributeDefinitions = [new AttributeDefinition("PK", ScalarAttributeType.S)],
                    BillingMode = BillingMode.PAY_PER_REQUEST,
                });
                await client.PutItemAsync("kept", new() { ["PK"] = new("first-run") });
            }

            await using var second = await StartAsync(directory);
            using var reader = DynamoDbLocalFixture.ClientOf(second.App);
            var item = await reader.GetItemAsync(new GetItemRequest { TableName = "kept", Key = new() { ["PK"] = new("first-run") }, ConsistentRead = true });
            Assert.True(item.IsItemSet);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<StartedDynamoDb> StartAsync(string directory)
    {
        var builder = await PlatformBuilder.CreateAsync([$"--DynamoDBLocal:DataDirectory={directory}"]);
        return new StartedDynamoDb(await builder.KeepOnly("dynamodb").StartHealthyAsync(StartupTimeout));
    }

    /// <summary>Disposed, DynamoDB Local is gone before the next run opens the same files.</summary>
    private sealed record StartedDynamoDb(DistributedApplication App) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await App.DisposeAndVerifyNothingLeftAsync();
    }
}
