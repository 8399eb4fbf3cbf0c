namespace Payments.Api.Apis;

/// <summary>The signed-in user's fraud events: record one, read the last N, optionally within a time window.</summary>
internal static class FraudApi
{
    private const int DefaultLimit = 20;
    private const int MaxLimit = 100;
    private const string Earliest = "0001-01-01T00:00:00.000Z";
    private const string Latest = "9999-12-31T23:59:59.999Z";

    public static IEndpointRouteBuilder MapFraudApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/users/me/fraud-events").WithTags("Fraud events").RequireAuthorization(Caller.SignedInPolicy);

        group.MapPost("", RecordAsync).WithName("RecordFraudEvent").WithCallerIdempotency(required: false)
            .WithRequestExample(FraudEventExamples.Record).WithResponseExample(StatusCodes.Status201Created, FraudEventExamples.Recorded);
        group.MapGet("", LatestAsync).WithName("ListFraudEvents").WithResponseExample(StatusCodes.Status200OK, FraudEventExamples.Latest);

        return app;
    }

    public static async Task<Results<Created<FraudEventResponse>, ProblemHttpResult>> RecordAsync(
        FraudEventRequest request, HttpContext http, FraudStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Type is null)
        {
            errors.Add("type", "Required.");
        }
        else if (!FraudEventTypes.All.Contains(request.Type))
        {
            errors.Add("type", "One of " + string.Join(", ", FraudEventTypes.All.Order(StringComparer.Ordinal)) + ".");
        }

        if (request.Detail is { Length: > 1000 })
        {
            errors.Add("detail", "At most 1000 characters.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToError().ToResult();
        }

        var fraudEvent = new FraudEvent(Guid.NewGuid().ToString("N"), http.User.Id(), request.Type!, time.GetUtcTimestamp(), request.Detail);
        await store.RecordAsync(fraudEvent, cancellationToken);
        return TypedResults.Created($"/users/me/fraud-events/{fraudEvent.EventId}", FraudEventResponse.From(fraudEvent));
    }

    /// <summary>The newest <c>limit</c> events (default 20), optionally only those between <c>from</c> and <c>to</c> (UTC timestamps or days, inclusive).</summary>
    public static async Task<Results<Ok<FraudEventList>, ProblemHttpResult>> LatestAsync(
        HttpContext http, FraudStore store, CancellationToken cancellationToken, int? limit = null, string? from = null, string? to = null)
    {
        var errors = new FieldErrors();
        var size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"Must be between 1 and {MaxLimit}.");
        }

        var lower = Bound(from, "from", start: true, errors);
        var upper = Bound(to, "to", start: false, errors);
        if (errors.IsEmpty && string.CompareOrdinal(lower, upper) > 0)
        {
            errors.Add("to", "Must not be before 'from'.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToError().ToResult();
        }

        var events = await store.LatestAsync(http.User.Id(), lower, upper, size, cancellationToken);
        return TypedResults.Ok(new FraudEventList([.. events.Select(FraudEventResponse.From)]));
    }

    /// <summary>A day (<c>yyyy-MM-dd</c>, the whole day) or an instant, as a fixed-width UTC timestamp.</summary>
    private static string Bound(string? value, string field, bool start, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return start ? Earliest : Latest;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return start ? StatementPeriod.StartOf(day) : StatementPeriod.EndOf(day);
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant.ToUtcTimestamp();
        }

        errors.Add(field, "Must be a day (yyyy-MM-dd) or an ISO-8601 instant.");
        return "";
    }
}
