namespace Idempotency;

/// <summary>The response a completed request gave, replayed as it was.</summary>
public sealed record StoredResponse(int StatusCode, string Body, string ContentType, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Headers worth replaying; the rest (dates, trace ids) belong to the new response.</summary>
    public static readonly string[] ReplayedHeaders = ["ETag", "Location"];

    /// <summary>An answer without a body (204 No Content): the replay sends the status and headers alone.</summary>
    public static StoredResponse WithoutBody(int statusCode, IReadOnlyDictionary<string, string> headers) => new(statusCode, "", "", headers);

    /// <summary>True when the answer had no body, so its replay has none (and no Content-Type).</summary>
    public bool IsBodyless => Body.Length == 0;

    /// <summary>
    /// Whether an answer is the request's outcome, to be replayed for 24 h. A server failure, a lost race
    /// (409 CONFLICT: retry after a fresh read), a stale <c>If-Match</c> (412 PRECONDITION_FAILED: it changed nothing
    /// and says the same — re-read and retry) or a 429 are transient: the key is released so the client's retry with
    /// the same key runs again instead of getting the failure back.
    /// </summary>
    public static bool IsOutcome(int statusCode) =>
        statusCode is < StatusCodes.Status500InternalServerError
            and not StatusCodes.Status409Conflict
            and not StatusCodes.Status412PreconditionFailed
            and not StatusCodes.Status429TooManyRequests;
}
