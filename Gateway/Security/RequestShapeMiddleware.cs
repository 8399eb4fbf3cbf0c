using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Security;

/// <summary>
/// Answers malformed or oversized requests at the door with a problem: the target and headers by
/// <see cref="RequestShape"/>, a declared body over the limit with 413 before any of it is read or forwarded.
/// (Kestrel enforces the same body limit on chunked bodies while they stream.)
/// </summary>
internal sealed class RequestShapeMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options, IProblemDetailsService problems)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limits = options.Value;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var error = RequestShape.CheckTarget(rawTarget, limits.MaxTargetLength);
        if (error is null)
        {
            foreach (var header in context.Request.Headers)
            {
                foreach (var value in header.Value)
                {
                    error ??= RequestShape.CheckHeader(header.Key, value, limits.MaxHeaderValueLength);
                }
            }
        }

        if (error is null && context.Request.ContentLength > limits.MaxBodyBytes)
        {
            error = new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "Payload Too Large",
                $"The request body is larger than {limits.MaxBodyBytes} bytes.");
        }

        return error is null ? next(context) : WriteAsync(context, error);
    }

    private async Task WriteAsync(HttpContext context, ApiError error)
    {
        context.Response.StatusCode = error.Status;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = error.ToProblemDetails() });
    }
}
