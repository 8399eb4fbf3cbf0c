using Idempotency;

namespace UnitTests.Idempotency;

public class IdempotencyDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 10, 20, 0, TimeSpan.Zero);
    private static readonly StoredResponse Ok = new(200, """{"ok":true}""", "application/json", new Dictionary<string, string>());

    [Fact]
    public void No_record_means_proceed() =>
        Assert.IsType<IdempotencyDecision.Proceed>(IdempotencyDecision.For(null, "f", Now));

    [Fact]
    public void A_completed_record_with_the_same_fingerprint_replays()
    {
        var decision = IdempotencyDecision.For(Record(IdempotencyStatus.Completed, "f", Ok), "f", Now);

        Assert.Equal(Ok, Assert.IsType<IdempotencyDecision.Replay>(decision).Response);
    }

    [Fact]
    public void A_declined_response_replays_like_a_success()
    {
        var declined = new StoredResponse(422, """{"code":"INSUFFICIENT_FUNDS"}""", "application/problem+json", new Dictionary<string, string>());

        var decision = IdempotencyDecision.For(Record(IdempotencyStatus.Completed, "f", declined), "f", Now);

        Assert.Equal(422, Assert.IsType<IdempotencyDecision.Replay>(decision).Response.StatusCode);
    }

    [Fact]
    public void A_record_in_progress_with_the_same_fingerprint_is_in_flight() =>
        Assert.IsType<IdempotencyDecision.InFlight>(IdempotencyDecision.For(Record(IdempotencyStatus.InProgress, "f", null), "f", Now));

    [Theory]
    [InlineData(IdempotencyStatus.Completed)]
    [InlineData(IdempotencyStatus.InProgress)]
    public void Another_fingerprint_under_the_same_key_is_a_reuse(IdempotencyStatus status) =>
        Assert.IsType<IdempotencyDecision.KeyReused>(IdempotencyDecision.For(Record(status, "f", Ok), "other", Now));

    [Fact]
    public void An_expired_record_counts_as_absent()
    {
        var expired = Record(IdempotencyStatus.Completed, "f", Ok) with { ExpiresAt = Now };

        Assert.IsType<IdempotencyDecision.Proceed>(IdempotencyDecision.For(expired, "other", Now));
    }

    [Fact]
    public void An_abandoned_claim_can_be_taken_over()
    {
        var abandoned = Record(IdempotencyStatus.InProgress, "f", null) with { LeaseUntil = Now.AddSeconds(-1) };

        Assert.IsType<IdempotencyDecision.Proceed>(IdempotencyDecision.For(abandoned, "f", Now));
    }

    private static IdempotencyRecord Record(IdempotencyStatus status, string fingerprint, StoredResponse? response) =>
        new(fingerprint, status, "claim", Now.AddMinutes(-1), Now.AddHours(24), Now.AddSeconds(30), response);
}

public class StoredResponseTests
{
    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(404)]
    [InlineData(422)]
    public void Outcomes_are_stored_and_replayed(int status) => Assert.True(StoredResponse.IsOutcome(status));

    [Theory]
    [InlineData(409)]
    [InlineData(412)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public void Transient_answers_release_the_key_for_a_retry(int status) => Assert.False(StoredResponse.IsOutcome(status));
}
