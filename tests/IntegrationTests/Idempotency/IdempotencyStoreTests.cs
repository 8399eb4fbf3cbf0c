using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using global::Idempotency;
using DynamoDbStorage;
using DynamoDbStorage.Resilience;
using Microsoft.Extensions.Options;

namespace IntegrationTests.Idempotency;

/// <summary>The store's conditional writes on the real DynamoDB Local (only that resource is started).</summary>
public sealed class IdempotencyStoreTests(DynamoDbLocalFixture dynamodb) : IClassFixture<DynamoDbLocalFixture>, IAsyncLifetime
{
    private const string Table = "idempotency-tests";
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly AmazonDynamoDBClient _dynamodb = dynamodb.Client;
    private IdempotencyStore _store = null!;

    public async Task InitializeAsync()
    {
        try
        {
            await _dynamodb.CreateTableAsync(new CreateTableRequest
            {
                TableName = Table,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions = [new("PK", ScalarAttributeType.S), new("SK", ScalarAttributeType.S)],
                KeySchema = [new("PK", KeyType.HASH), new("SK", KeyType.RANGE)],
            });
        }
        catch (ResourceInUseException)
        {
            // Created by an earlier test of this class: every test uses keys of its own.
        }

        _store = new IdempotencyStore(_dynamodb, new DynamoDbAdmission(Options.Create(new DynamoDbOptions()), _clock), _clock, Options.Create(new IdempotencyOptions()));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Exactly_one_of_twenty_concurrent_claims_wins()
    {
        var scope = NewScope();

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _store.TryClaimAsync(scope, "fingerprint", default)));

        Assert.Single(claims, c => c is not null);
        Assert.Equal(IdempotencyStatus.InProgress, (await _store.FindAsync(scope, default))!.Status);
    }

    [Fact]
    public async Task A_completed_record_replays_until_it_expires_after_24_hours()
    {
        var scope = NewScope();
        var claim = (await _store.TryClaimAsync(scope, "fingerprint", default))!;
        var response = new StoredResponse(201, """{"id":1}""", "application/json", new Dictionary<string, string>());
        Assert.True(await _store.CompleteAsync(scope, claim, KeyClaim.BeforeHandler, response, default));

        _clock.Advance(TimeSpan.FromHours(23));
        Assert.Null(await _store.TryClaimAsync(scope, "fingerprint", default));
        var stored = await _store.FindAsync(scope, default);
        Assert.Equal(response.Body, Assert.IsType<IdempotencyDecision.Replay>(IdempotencyDecision.For(stored, "fingerprint", _clock.GetUtcNow())).Response.Body);

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.IsType<IdempotencyDecision.Proceed>(IdempotencyDecision.For(await _store.FindAsync(scope, default), "other", _clock.GetUtcNow()));
        Assert.NotNull(await _store.TryClaimAsync(scope, "other", default)); // DynamoDB Local never deleted it: the condition treats it as absent
    }

    [Fact]
    public async Task An_abandoned_claim_is_taken_over_and_its_owner_can_no_longer_complete()
    {
        var scope = NewScope();
        var first = (await _store.TryClaimAsync(scope, "fingerprint", default))!;

        _clock.Advance(TimeSpan.FromSeconds(31)); // past the 30 s lease: the first request is presumed dead
        var second = await _store.TryClaimAsync(scope, "fingerprint", default);

        Assert.NotNull(second);
        var late = new StoredResponse(200, "{}", "application/json", new Dictionary<string, string>());
        Assert.False(await _store.CompleteAsync(scope, first, KeyClaim.BeforeHandler, late, default));
        Assert.True(await _store.CompleteAsync(scope, second, KeyClaim.BeforeHandler, late, default));
    }

    [Fact]
    public async Task A_completion_inside_a_transaction_is_cancelled_when_the_claim_was_lost()
    {
        var scope = NewScope();
        var first = (await _store.TryClaimAsync(scope, "fingerprint", default))!;
        _clock.Advance(TimeSpan.FromSeconds(31));
        await _store.TryClaimAsync(scope, "fingerprint", default);
        var put = _store.CompletionPut(scope, first, KeyClaim.BeforeHandler, new StoredResponse(200, "{}", "application/json", new Dictionary<string, string>()));
        var change = new Put { TableName = Table, Item = new() { ["PK"] = new("CHANGE#" + scope.PartitionKey), ["SK"] = new("X") } };

        var cancelled = await Assert.ThrowsAsync<TransactionCanceledException>(() =>
            _dynamodb.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [new() { Put = change }, new() { Put = put }] }));

        Assert.Equal("ConditionalCheckFailed", cancelled.CancellationReasons[1].Code);
        var unchanged = await _dynamodb.GetItemAsync(Table, new() { ["PK"] = new("CHANGE#" + scope.PartitionKey), ["SK"] = new("X") });
        Assert.False(unchanged.IsItemSet, "the protected change must not commit without its idempotency record");
    }

    [Fact]
    public async Task A_key_taken_with_the_transaction_commits_the_first_change_only_and_is_free_again_after_24_hours()
    {
        var scope = NewScope();

        Assert.True(await CommitWithTransactionClaimAsync(scope, "first"));
        Assert.False(await CommitWithTransactionClaimAsync(scope, "second"));

        Assert.True(await ChangeExistsAsync(scope, "first"));
        Assert.False(await ChangeExistsAsync(scope, "second"), "a change must not commit under a key another request completed");
        var stored = await _store.FindAsync(scope, default);
        Assert.Equal("first", Assert.IsType<IdempotencyDecision.Replay>(IdempotencyDecision.For(stored, "fingerprint", _clock.GetUtcNow())).Response.Body);

        _clock.Advance(TimeSpan.FromHours(24));
        Assert.True(await CommitWithTransactionClaimAsync(scope, "third"));
    }

    [Fact]
    public async Task A_key_taken_with_the_transaction_respects_a_live_claim_but_not_an_abandoned_one()
    {
        var scope = NewScope();
        await _store.TryClaimAsync(scope, "fingerprint", default);

        Assert.False(await CommitWithTransactionClaimAsync(scope, "while-held"));

        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.True(await CommitWithTransactionClaimAsync(scope, "after-the-lease"));
    }

    [Fact]
    public async Task Of_concurrent_transactions_carrying_the_same_unclaimed_key_at_most_one_commits()
    {
        var scope = NewScope();

        var committed = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => CommitWithTransactionClaimAsync(scope, $"change-{i}")));

        var applied = 0;
        for (var i = 0; i < committed.Length; i++)
        {
            Assert.Equal(committed[i], await ChangeExistsAsync(scope, $"change-{i}"));
            applied += committed[i] ? 1 : 0;
        }

        Assert.True(applied <= 1, $"{applied} changes committed under one key");
    }

    [Fact]
    public async Task Releasing_a_claim_frees_the_key_at_once()
    {
        var scope = NewScope();
        var claim = (await _store.TryClaimAsync(scope, "fingerprint", default))!;

        await _store.ReleaseAsync(scope, claim, default);

        Assert.Null(await _store.FindAsync(scope, default));
        Assert.NotNull(await _store.TryClaimAsync(scope, "fingerprint", default));
    }

    /// <summary>A change plus the key's completed record (claimed with the transaction); false when DynamoDB cancelled it.</summary>
    private async Task<bool> CommitWithTransactionClaimAsync(IdempotencyScope scope, string change)
    {
        var put = _store.CompletionPut(
            scope, _store.NewClaim("fingerprint"), KeyClaim.WithTransaction, new StoredResponse(200, change, "application/json", new Dictionary<string, string>()));
        try
        {
            await _dynamodb.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems = [new() { Put = new Put { TableName = Table, Item = ChangeKey(scope, change) } }, new() { Put = put }],
            });
            return true;
        }
        catch (Exception e) when (e is TransactionCanceledException or TransactionConflictException)
        {
            return false;
        }
    }

    private async Task<bool> ChangeExistsAsync(IdempotencyScope scope, string change) =>
        (await _dynamodb.GetItemAsync(new GetItemRequest { TableName = Table, Key = ChangeKey(scope, change), ConsistentRead = true })).IsItemSet;

    private static Dictionary<string, AttributeValue> ChangeKey(IdempotencyScope scope, string change) =>
        new() { ["PK"] = new("CHANGE#" + scope.PartitionKey), ["SK"] = new(change) };

    private static IdempotencyScope NewScope() => new(Table, $"CART#{Guid.NewGuid():N}", $"IDEM#{Guid.NewGuid():N}");

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
