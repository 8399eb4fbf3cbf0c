using ApiConventions.Problems;

namespace Idempotency;

/// <summary>The idempotency problems of DESIGN §3, each with its stable code.</summary>
public static class IdempotencyErrors
{
    public const string KeyMissing = "IDEMPOTENCY_KEY_MISSING";
    public const string KeyInUse = "IDEMPOTENCY_KEY_IN_USE";
    public const string KeyReused = "IDEMPOTENCY_KEY_REUSED";

    public static ApiError Missing() =>
        new(StatusCodes.Status400BadRequest, KeyMissing, "Idempotency-Key required", "This operation requires an Idempotency-Key header.");

    public static ApiError Malformed(string detail) =>
        new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "Malformed Idempotency-Key", detail);

    public static ApiError InUse() =>
        new(StatusCodes.Status409Conflict, KeyInUse, "Request in progress", "A request with this Idempotency-Key is still being processed; retry shortly.");

    public static ApiError Reused() =>
        new(StatusCodes.Status422UnprocessableEntity, KeyReused, "Idempotency-Key reused", "This Idempotency-Key was used for a different request.");
}
