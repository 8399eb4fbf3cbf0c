using ApiConventions.Problems;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace ApiConventions.Json;

/// <summary>
/// Holds every JSON request body an endpoint reads to <see cref="StrictJson"/> before anything reads it, so model binding and the
/// Idempotency-Key fingerprint see the same, unambiguous document — or the client gets a 400 MALFORMED_JSON problem.
/// JSON is UTF-8 (RFC 8259 §8.1), the only encoding <see cref="StrictJson"/> reads: a JSON body declared in any other
/// charset is a 415 before binding tries to decode it, and UTF-8 in another spelling reaches the binder as <c>utf-8</c>
/// (an unknown charset, a quoted one or <c>utf8</c> made the binder throw: a 500).
/// </summary>
public static class StrictJsonBodies
{
    /// <summary>Call after authorization and before anything that reads the body (binding, idempotency).</summary>
    public static IApplicationBuilder UseStrictJsonBodies(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            // An operation that reads no body ignores one (as its document says: it lists no body problems), so only a
            // body the endpoint accepts is held to the rules below.
            var request = http.Request;
            if (http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is null || !request.HasJsonContentType())
            {
                await next(http);
                return;
            }

            if (Utf8ContentType(request.ContentType) is not { } contentType)
            {
                await WriteProblemAsync(http, new ApiError(
                    StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, "Unsupported Media Type",
                    "A JSON body must be UTF-8: send Content-Type: application/json without a charset, or with charset=utf-8."));
                return;
            }

            request.ContentType = contentType;

            if (request.ContentLength == 0)
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

            await WriteProblemAsync(http, new ApiError(StatusCodes.Status400BadRequest, ErrorCodes.MalformedJson, "Bad Request", violation));
        });

    /// <summary>
    /// The Content-Type with its charset spelt as the binder reads it (<c>utf-8</c>; a quoted <c>"UTF-8"</c> or a
    /// <c>utf8</c> made it throw) — unchanged without one — or <c>null</c> when it names any other charset.
    /// </summary>
    private static string? Utf8ContentType(string? contentType)
    {
        // Most requests carry no parameters at all: nothing to parse on the write path's every request.
        if (contentType is null || !contentType.Contains(';', StringComparison.Ordinal)
            || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || !mediaType.Charset.HasValue)
        {
            return contentType;
        }

        if (mediaType.Charset.Equals("utf-8", StringComparison.Ordinal))
        {
            return contentType; // already as the binder reads it
        }

        var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset);
        if (!charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        mediaType.Charset = "utf-8";
        return mediaType.ToString();
    }

    private static ValueTask WriteProblemAsync(HttpContext http, ApiError error)
    {
        http.Response.StatusCode = error.Status;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = error.ToProblemDetails(),
        });
    }
}
