using ApiConventions.Problems;

namespace ApiConventions.Json;

/// <summary>
/// Holds every JSON request body to <see cref="StrictJson"/> before anything reads it, so model binding and the
/// Idempotency-Key fingerprint see the same, unambiguous document — or the client gets a 400 MALFORMED_JSON problem.
/// </summary>
public static class StrictJsonBodies
{
    /// <summary>Call after authorization and before anything that reads the body (binding, idempotency).</summary>
    public static IApplicationBuilder UseStrictJsonBodies(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            if (http.GetEndpoint() is null || request.ContentLength == 0 || !request.HasJsonContentType())
            {
                await next(http);
                return;
            }

            request.EnableBuffering();
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, http.RequestAborted);
            request.Body.Position = 0;
            if (body.Length == 0 || StrictJson.IsStrict(body.GetBuffer().AsSpan(0, (int)body.Length), out var violation))
            {
                await next(http);
                return;
            }

            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ApiError(StatusCodes.Status400BadRequest, ErrorCodes.MalformedJson, "Bad Request", violation).ToProblemDetails(),
            });
        });
}
