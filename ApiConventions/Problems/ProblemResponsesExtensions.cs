namespace ApiConventions.Problems;

/// <summary>Makes every failure (handler error, bad request, exception, bare status code) a problem details response.</summary>
public static class ProblemResponsesExtensions
{
    private const string ServiceUnavailableRetryAfterSeconds = "1";

    /// <summary>Registers problem details with the <c>code</c> and <c>traceId</c> extensions and the exception mapping.</summary>
    public static TBuilder AddProblemResponses<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd(ProblemExtensions.Code, ErrorCodes.ForStatus(status));
            context.ProblemDetails.Extensions.TryAdd(ProblemExtensions.TraceId, Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
            context.ProblemDetails.Instance ??= $"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path}";
            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                // Every 503 is temporary here (a dependency outlasted the retry budget, nothing was applied): say when to come back.
                context.HttpContext.Response.Headers.TryAdd(Microsoft.Net.Http.Headers.HeaderNames.RetryAfter, ServiceUnavailableRetryAfterSeconds);
            }

            if (status == StatusCodes.Status415UnsupportedMediaType)
            {
                // Binding answers a body of another media type with the bare status: say what is expected.
                context.ProblemDetails.Detail ??= BindingFailures.UnsupportedMediaTypeDetail;
            }
        });

        // After the framework's writer, so it writes only what that one declines (an Accept without JSON).
        builder.Services.AddSingleton<IProblemDetailsWriter, AnyAcceptProblemWriter>();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();

        // Binding failures (malformed JSON, wrong types) throw BadHttpRequestException in every
        // environment, so they reach ProblemExceptionHandler and get a detail and a code.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    /// <summary>Adds the exception handler and status code pages middleware (call first in the pipeline).</summary>
    public static WebApplication UseProblemResponses(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
