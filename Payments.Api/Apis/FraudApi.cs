using Idempotency;

namespace Payments.Api.Apis;

/// <summary>The signed-in user's fraud events: record one, read the last N, optionally within a time window.</summary>
internal static class FraudApi
{
    public static IEndpointRouteBuilder MapFraudApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/users/me/fraud-events").WithTags("Fraud events").RequireAuthorization(Caller.SignedInPolicy);

        group.MapPost("", RecordAsync).WithName("RecordFraudEvent").WithCallerIdempotency(required: false, KeyClaim.WithTransaction)
            .WithRequestExample(FraudEventExamples.Record).WithResponseExample(StatusCodes.Status201Created, FraudEventExamples.Recorded);
        group.MapGet("", LatestAsync).WithName("ListFraudEvents").WithResponseExample(StatusCodes.Status200OK, FraudEventExamples.Latest);

        return app;
    }

    public static async Task<Results<Created<FraudEventResponse>, ProblemHttpResult>> RecordAsync(
        FraudEventRequest request, HttpContext http, FraudService service, CancellationToken cancellationToken)
    {
        var errors = FraudEventValidation.Validate(request);
        if (!errors.IsEmpty)
        {
            return errors.ToError().ToResult();
        }

        var recorded = await service.RecordAsync(new RecordFraudEvent(http.User.Id(), request.Type!, request.Detail), http.GetIdempotency(), cancellationToken);
        return recorded.Succeeded
            ? TypedResults.Created(ResourceLocations.FraudEvent(recorded.Value.EventId), recorded.Value)
            : recorded.Error.ToResult();
    }

    /// <summary>The newest <c>limit</c> events (default 20), optionally only those between <c>from</c> and <c>to</c> (UTC timestamps or days, inclusive).</summary>
    public static async Task<Results<Ok<FraudEventList>, ProblemHttpResult>> LatestAsync(
        HttpContext http, FraudStore store, CancellationToken cancellationToken, int? limit = null, string? from = null, string? to = null)
    {
        var window = FraudEventValidation.Window(limit, from, to);
        if (!window.Succeeded)
        {
            return window.Error.ToResult();
        }

        var events = await store.LatestAsync(http.User.Id(), window.Value.FromTimestamp, window.Value.ToTimestamp, window.Value.Limit, cancellationToken);
        return TypedResults.Ok(new FraudEventList([.. events.Select(FraudEventResponse.From)]));
    }
}
