using System.Text.Json;
using ApiConventions.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Idempotency;

/// <summary>Reads the status and body a handler's result will write, without executing it, so it can be stored.</summary>
internal static class ResponseCapture
{
    public static StoredResponse From(object? result, HttpResponse response, JsonSerializerOptions json)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        var value = result switch
        {
            IValueHttpResult valued => valued.Value,
            IResult => null,
            _ => result, // a plain object returned by the handler is written as JSON with 200
        };
        if (value is ProblemDetails problem)
        {
            // The writer adds code, traceId, instance and requestId when the result executes: add them now, so the
            // stored body is the body sent, and a replay repeats it byte for byte.
            problem.Complete(response.HttpContext);
        }

        var contentType = value is ProblemDetails || result is ProblemHttpResult
            ? "application/problem+json"
            : "application/json; charset=utf-8";
        var body = value is null ? "" : JsonSerializer.Serialize(value, value.GetType(), json);

        var headers = new Dictionary<string, string>();
        foreach (var name in StoredResponse.ReplayedHeaders)
        {
            if (response.Headers.TryGetValue(name, out var header) && header.Count > 0)
            {
                headers[name] = header.ToString();
            }
        }

        if (result?.GetType().GetProperty("Location")?.GetValue(result) is string location)
        {
            headers["Location"] = location; // Created/Accepted results set it only when they execute
        }

        return value is null ? StoredResponse.WithoutBody(status, headers) : new StoredResponse(status, body, contentType, headers);
    }

    /// <summary>The stored response, written again, marked as a replay.</summary>
    public static IResult Replay(StoredResponse stored, HttpResponse response)
    {
        response.Headers[IdempotencyKey.ReplayedHeaderName] = "true";
        foreach (var (name, value) in stored.Headers)
        {
            response.Headers[name] = value;
        }

        return stored.IsBodyless
            ? TypedResults.StatusCode(stored.StatusCode)
            : TypedResults.Text(stored.Body, stored.ContentType, statusCode: stored.StatusCode);
    }
}
