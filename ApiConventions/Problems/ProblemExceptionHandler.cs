using System.Text.Json;

namespace ApiConventions.Problems;

/// <summary>
/// Maps exceptions to problem details: client mistakes to 4xx, an unreachable or throttling dependency to
/// 503, everything else to a logged 500.
/// </summary>
internal sealed partial class ProblemExceptionHandler(
    IProblemDetailsService problemDetails,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    private const string MalformedJsonDetail = "The request body is not valid JSON for this endpoint.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to read a response.
            httpContext.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return true;
        }

        var error = Map(exception);
        if (error.Status >= StatusCodes.Status500InternalServerError)
        {
            LogFailed(logger, httpContext.Request.Method, httpContext.Request.Path, error.Status, exception);
        }

        httpContext.Response.StatusCode = error.Status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = error.ToProblemDetails(),
            Exception = exception,
        });
    }

    private static ApiError Map(Exception exception) => exception switch
    {
        BadHttpRequestException bad => BindingFailures.Describe(bad),
        JsonException =>
            new(StatusCodes.Status400BadRequest, ErrorCodes.MalformedJson, "Bad Request", MalformedJsonDetail),
        _ when DependencyFailures.IsUnavailable(exception) =>
            ApiError.ServiceUnavailable("A dependency is unavailable; retry later."),
        _ => new(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "Internal Server Error", "An unexpected error occurred."),
    };

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "{Method} {Path} failed with {Status}")]
    private static partial void LogFailed(ILogger logger, string method, string path, int status, Exception exception);
}
