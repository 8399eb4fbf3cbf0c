namespace ServiceDefaults.Correlation;

/// <summary>
/// Accepts a sane client <c>X-Request-Id</c> or creates one, writes it back into the request (so a proxy
/// forwards the accepted value), returns it to the client with the W3C <c>traceresponse</c> of this hop, and
/// puts it on the request's span and on every log record written while the request runs.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    /// <summary>The OpenTelemetry attribute for a captured request header.</summary>
    public const string SpanAttribute = "http.request.header.x-request-id";

    /// <summary>The log scope property; <c>RequestId</c> is already ASP.NET Core's connection-based identifier.</summary>
    public const string LogProperty = "CorrelationId";

    private static readonly Func<ILogger, string, IDisposable?> Scope =
        LoggerMessage.DefineScope<string>($"{LogProperty}:{{{LogProperty}}}");

    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = RequestId.FromHeader(context.Request.Headers[RequestId.HeaderName]);
        context.Request.Headers[RequestId.HeaderName] = requestId;
        context.Features.Set<IRequestIdFeature>(new RequestIdFeature(requestId));
        Activity.Current?.SetTag(SpanAttribute, requestId);
        context.Response.OnStarting(WriteResponseHeaders, context);

        using (Scope(logger, requestId))
        {
            await next(context);
        }
    }

    // Set when the response starts, so it survives handlers that clear headers and overrides whatever a
    // proxied service returned: the client gets this hop's view.
    private static Task WriteResponseHeaders(object state)
    {
        var context = (HttpContext)state;
        if (context.GetRequestId() is { } requestId)
        {
            context.Response.Headers[RequestId.HeaderName] = requestId;
        }

        // W3C Trace Context level 2: the trace and span this server recorded for the request.
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
        {
            context.Response.Headers["traceresponse"] = activity.Id;
        }

        return Task.CompletedTask;
    }
}
