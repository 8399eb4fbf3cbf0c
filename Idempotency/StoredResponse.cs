namespace Idempotency;

/// <summary>The response a completed request gave, replayed as it was.</summary>
public sealed record StoredResponse(int StatusCode, string Body, string ContentType, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Headers worth replaying; the rest (dates, trace ids) belong to the new response.</summary>
    public static readonly string[] ReplayedHeaders = ["ETag", "Location"];
}
