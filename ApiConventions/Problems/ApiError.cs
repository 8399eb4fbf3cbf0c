namespace ApiConventions.Problems;

/// <summary>An error a handler returns; the single place where it becomes RFC 9457 problem details.</summary>
public sealed record ApiError(int Status, string Code, string Title, string? Detail = null)
{
    /// <summary>Field errors (JSON paths in camelCase) for <see cref="ErrorCodes.ValidationFailed"/>.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    public static ApiError NotFound(string detail) =>
        new(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Not Found", detail);

    public static ApiError Conflict(string detail) =>
        new(StatusCodes.Status409Conflict, ErrorCodes.Conflict, "Conflict", detail);

    public static ApiError PreconditionFailed(string detail) =>
        new(StatusCodes.Status412PreconditionFailed, ErrorCodes.PreconditionFailed, "Precondition Failed", detail);

    /// <summary>A dependency (DynamoDB throttling or failing) outlasted the write's retry budget; nothing was applied.</summary>
    public static ApiError ServiceUnavailable(string detail) =>
        new(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, "Service Unavailable", detail);

    public static ApiError Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationFailed, "One or more validation errors occurred.")
        {
            Errors = errors,
        };

    /// <summary>The 422 for a pagination cursor that is not one this listing returned (forged, or another query's).</summary>
    public static ApiError InvalidCursor() =>
        Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["cursor"] = ["Not a cursor returned by this listing."] });

    /// <summary>The problem details body; <c>code</c> is always set.</summary>
    public ProblemDetails ToProblemDetails()
    {
        var problem = Errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(Errors.ToDictionary(error => error.Key, error => error.Value, StringComparer.Ordinal));
        problem.Status = Status;
        problem.Title = Title;
        problem.Detail = Detail;
        problem.Extensions[ProblemExtensions.Code] = Code;
        return problem;
    }

    /// <summary>A typed result that writes this error through the registered problem details service.</summary>
    public ProblemHttpResult ToResult() => TypedResults.Problem(ToProblemDetails());
}
