using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Gateway.Security;

/// <summary>
/// Answers malformed or oversized requests at the door with a problem: the method, target and headers by
/// <see cref="RequestShape"/>, a declared body over the limit with 413 before any of it is read or forwarded.
/// (Kestrel enforces the same body limit on chunked bodies while they stream.) It runs ahead of everything
/// that reads or rewrites the request (<see cref="EdgeChecksExtensions"/>), so limits apply to what the client sent.
/// </summary>
internal sealed class RequestShapeMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options, IProblemDetailsService problems)
{
    private static readonly string Allow = string.Join(", ", RequestShape.ServedMethods);

    public Task InvokeAsync(HttpContext context)
    {
        var error = Check(context, options.Value);
        return error is null ? next(context) : WriteAsync(context, error);
    }

    private static ApiError? Check(HttpContext context, RequestLimitsOptions limits)
    {
        var request = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var error = RequestShape.CheckMethod(request.Method)
            ?? RequestShape.CheckTarget(rawTarget, limits.MaxTargetLength)
            ?? RequestShape.CheckHeaders(request.Headers, limits.MaxHeaderCount, limits.MaxHeadersTotalBytes, limits.MaxHeaderValueLength);
        return error ?? (request.ContentLength > limits.MaxBodyBytes
            ? new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "Payload Too Large", $"The request body is larger than {limits.MaxBodyBytes} bytes.")
            : null);
    }

    private async Task WriteAsync(HttpContext context, ApiError error)
    {
        // Answered before the request id middleware: name the request here, as it would have (a sane client id is kept).
        var requestId = RequestId.FromHeader(context.Request.Headers[RequestId.HeaderName]);
        context.Features.Set<IRequestIdFeature>(new RejectedRequestId(requestId));
        context.Response.Headers[RequestId.HeaderName] = requestId;
        if (error.Status == StatusCodes.Status405MethodNotAllowed)
        {
            context.Response.Headers[HeaderNames.Allow] = Allow;
        }

        // The problem's instance names the request; an absurd target is not echoed back whole.
        var problem = error.ToProblemDetails();
        problem.Instance = $"{RequestShape.Abbreviate(context.Request.Method, 16)} {RequestShape.Abbreviate(context.Request.Path.Value ?? "", 128)}";
        context.Response.StatusCode = error.Status;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    private sealed record RejectedRequestId(string RequestId) : IRequestIdFeature;
}
