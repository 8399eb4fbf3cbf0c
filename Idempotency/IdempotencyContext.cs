using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ApiConventions.Problems;
using Idempotency.Transactions;
using Microsoft.AspNetCore.Mvc;

namespace Idempotency;

/// <summary>
/// The claim a request has on its key — written up front (<see cref="KeyClaim.BeforeHandler"/>) or taken by the
/// handler's transaction (<see cref="KeyClaim.WithTransaction"/>) — handed to the handler so the completed record
/// commits in the same <c>TransactWriteItems</c> as the change it protects.
/// </summary>
public sealed class IdempotencyContext(
    HttpContext http, IdempotencyStore store, IdempotencyScope scope, IdempotencyKey key, IdempotencyRecord claim, KeyClaim claimed, JsonSerializerOptions json)
{
    public IdempotencyKey Key { get; } = key;

    public IdempotencyScope Scope { get; } = scope;

    public string Fingerprint => Claim.Fingerprint;

    /// <summary>When the claim was taken.</summary>
    public DateTimeOffset Now => Claim.CreatedAt;

    internal IdempotencyRecord Claim { get; } = claim;

    internal KeyClaim Claimed { get; } = claimed;

    /// <summary>
    /// What the handler's transaction did with the key's completion, as <see cref="IdempotentTransactions"/> recorded it:
    /// the filter stores the handler's answer itself only while it is <see cref="KeyOutcome.Open"/>.
    /// </summary>
    internal KeyOutcome Outcome { get; private set; }

    /// <summary>
    /// The Put of the completed record (status, body, headers), conditioned on the claim still being ours. A null
    /// <paramref name="body"/> is an answer without one (204 No Content), replayed without one.
    /// </summary>
    public TransactWriteItem CompletionItem<T>(int statusCode, T? body, string? etag = null, string? location = null)
    {
        var headers = new Dictionary<string, string>();
        if (etag is not null)
        {
            headers["ETag"] = etag;
        }

        if (location is not null)
        {
            headers["Location"] = location;
        }

        return Completion(body is null
            ? StoredResponse.WithoutBody(statusCode, headers)
            : new StoredResponse(statusCode, JsonSerializer.Serialize(body, json), "application/json; charset=utf-8", headers));
    }

    /// <summary>
    /// The Put of a completed record whose response is a problem (a decline recorded with its audit entry). The problem
    /// is completed first (<see cref="ProblemCompletion.Complete"/>), so what is stored is what the handler's result sends.
    /// </summary>
    public TransactWriteItem CompletionItem(ProblemDetails problem)
    {
        problem.Complete(http);
        return Completion(new StoredResponse(
            problem.Status ?? StatusCodes.Status400BadRequest, JsonSerializer.Serialize(problem, problem.GetType(), json), "application/problem+json", new Dictionary<string, string>()));
    }

    /// <summary>
    /// A ClientRequestToken for one attempt of the handler's transaction: an SDK retry of that attempt (after a broken
    /// connection or a 5xx) is deduplicated by DynamoDB, while a new attempt with fresh reads gets a new token.
    /// </summary>
    public string ClientRequestToken(int attempt) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Claim.ClaimId}:{attempt}")))[..36];

    /// <summary>
    /// Says the answer the handler is about to give is not this request's outcome — a not-found from an eventually
    /// consistent read (a global secondary index) that may not yet see a write made a moment ago — so the key is not
    /// spent on it: the filter gives it back, and the client's retry with the same key runs again instead of getting
    /// this answer replayed for a day. A key a transaction already completed or another request took stays as it is.
    /// </summary>
    public void MarkInconclusive()
    {
        if (Outcome == KeyOutcome.Open)
        {
            Outcome = KeyOutcome.Inconclusive;
        }
    }

    /// <summary>Records what a transaction that carried this key's completion came to (only the commit path calls it).</summary>
    internal void Record(CommitOutcome outcome) => Outcome = outcome.Result switch
    {
        CommitResult.Committed => KeyOutcome.CompletedByChange,
        CommitResult.KeyTaken => KeyOutcome.TakenByAnother,
        _ => Outcome,
    };

    /// <summary>Gives the key back, if this request wrote a claim for it (one taken with the transaction wrote nothing).</summary>
    internal Task ReleaseAsync() =>
        Claimed == KeyClaim.BeforeHandler ? store.ReleaseAsync(Scope, Claim, CancellationToken.None) : Task.CompletedTask;

    private TransactWriteItem Completion(StoredResponse response) => new() { Put = store.CompletionPut(Scope, Claim, Claimed, response) };
}
