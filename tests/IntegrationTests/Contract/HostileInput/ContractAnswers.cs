using System.Net.Http.Headers;
using System.Text.Json;

namespace IntegrationTests.Contract.HostileInput;

/// <summary>What the sweep holds every answer to: no 5xx, only declared statuses, every error a problem with a declared code.</summary>
internal static class ContractAnswers
{
    /// <summary>
    /// Why the answer breaks the operation's contract, or null if it keeps it. An answer to a variant that left the
    /// operation's route (<see cref="HostileRequest.StaysOnRoute"/> false) is another resource's: it need not be one the operation
    /// declares, nor carry a code of this document (a 405 METHOD_NOT_ALLOWED, say), but is still no 5xx and, as an
    /// error, a problem with a code.
    /// </summary>
    public static string? Breach(ContractOperation operation, HostileRequest request, int status, MediaTypeHeaderValue? contentType, string body)
    {
        var onRoute = request.StaysOnRoute;
        if (IsKestrelsRefusalOfANul(request, status, contentType, body))
        {
            return null;
        }

        if (status >= 500)
        {
            return $"a {status}: nothing is faulted, so bad input must never be a 5xx";
        }

        IReadOnlySet<string>? declaredCodes = null;
        if (onRoute && !operation.Responses.TryGetValue(status, out declaredCodes))
        {
            return $"status {status} is not declared (the document declares {string.Join(", ", operation.Responses.Keys.Order())})";
        }

        if (status < 400)
        {
            return null;
        }

        if (contentType?.MediaType != "application/problem+json")
        {
            return $"a {status} that is not a problem (Content-Type {contentType?.ToString() ?? "none"})";
        }

        string? code;
        try
        {
            using var problem = JsonDocument.Parse(body);
            code = problem.RootElement.ValueKind == JsonValueKind.Object && problem.RootElement.TryGetProperty("code", out var value) ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return $"a {status} problem whose body is not JSON";
        }

        if (code is null)
        {
            return $"a {status} problem without a code";
        }

        if (onRoute && !operation.ProblemCodes.Contains(code))
        {
            return $"code {code} is not in the document's ProblemCode enum";
        }

        return declaredCodes is null || declaredCodes.Contains(code)
            ? null
            : $"code {code} is not one the document lists for {status} ({string.Join(", ", declaredCodes)})";
    }

    /// <summary>
    /// The one known exception to "every error is a problem": Kestrel refuses a request target whose path decodes to a
    /// NUL (<c>%00</c>) while parsing the request line, with a 400 and no body, before any middleware can write one
    /// (see the gateway's <c>ServerLimits</c>). Only that answer, to only such a target, is let through.
    /// </summary>
    private static bool IsKestrelsRefusalOfANul(HostileRequest request, int status, MediaTypeHeaderValue? contentType, string body) =>
        status == 400 && contentType is null && body.Length == 0 && PathOf(request.Target).Contains("%00", StringComparison.OrdinalIgnoreCase);

    private static string PathOf(string target) => target.Split('?')[0];
}
