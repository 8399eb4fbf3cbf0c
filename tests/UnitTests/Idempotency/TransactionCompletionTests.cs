using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using DynamoDbStorage;
using DynamoDbStorage.Resilience;
using Idempotency;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace UnitTests.Idempotency;

/// <summary>The completed record an idempotent transaction writes beside its change (built, never sent).</summary>
public sealed class TransactionCompletionTests : IDisposable
{
    private readonly AmazonDynamoDBClient _dynamoDb = new(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:1" });
    private readonly IdempotencyContext _context;

    public TransactionCompletionTests()
    {
        var store = new IdempotencyStore(
            _dynamoDb, new DynamoDbAdmission(Options.Create(new DynamoDbOptions()), TimeProvider.System), TimeProvider.System, Options.Create(new IdempotencyOptions()));
        Assert.True(IdempotencyKey.TryParse("key-1", out var key, out _));
        _context = new IdempotencyContext(
            new DefaultHttpContext(), store, new IdempotencyScope("payments", "IDEMPOTENCY#k1", "METADATA"), key, store.NewClaim("fingerprint"),
            KeyClaim.WithTransaction, JsonSerializerOptions.Web);
    }

    [Fact]
    public void A_completion_without_a_body_records_a_204_that_replays_without_one()
    {
        var put = _context.CompletionItem<object?>(StatusCodes.Status204NoContent, null).Put;

        var stored = IdempotencyItem.FromAttributes(put.Item)!.Response!;

        Assert.Equal(StatusCodes.Status204NoContent, stored.StatusCode);
        Assert.Equal("", stored.Body); // not "null": a 204 with a body cannot be sent, so its replay would fail
    }

    [Fact]
    public void A_completion_with_a_body_records_it_as_json_with_its_etag()
    {
        var put = _context.CompletionItem(StatusCodes.Status200OK, new { name = "Ann" }, etag: "\"2\"").Put;

        var stored = IdempotencyItem.FromAttributes(put.Item)!.Response!;

        Assert.Equal("""{"name":"Ann"}""", stored.Body);
        Assert.Equal("\"2\"", stored.Headers["ETag"]);
    }

    public void Dispose() => _dynamoDb.Dispose();
}
