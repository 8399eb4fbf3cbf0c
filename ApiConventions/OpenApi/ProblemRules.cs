using ApiConventions.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ApiConventions.OpenApi;

/// <summary>
/// The problems an operation can answer, derived from its shape (DESIGN §3) plus what its endpoint declares
/// (<see cref="ProblemCodesMetadata"/>): any request can be malformed, too long in its target or headers or rate
/// limited at the gateway, or meet an unavailable dependency; a route parameter can name nothing; a body can be refused; a change can lose a race.
/// </summary>
internal static class ProblemRules
{
    public static SortedDictionary<int, SortedSet<string>> For(ApiDescription description)
    {
        var problems = new SortedDictionary<int, SortedSet<string>>();
        void Add(int status, params string[] codes)
        {
            var set = problems.TryGetValue(status, out var existing) ? existing : problems[status] = new SortedSet<string>(StringComparer.Ordinal);
            set.UnionWith(codes);
        }

        var parameters = description.ParameterDescriptions;
        var hasBody = parameters.Any(p => p.Source == BindingSource.Body);
        var mutates = description.HttpMethod is not ("GET" or "HEAD");

        Add(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest);
        if (hasBody)
        {
            Add(StatusCodes.Status400BadRequest, ErrorCodes.MalformedJson);
            Add(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge);
            Add(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType);
        }

        if (RequiresSignIn(description))
        {
            Add(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized);
            Add(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden);
        }

        if (parameters.Any(p => p.Source == BindingSource.Path))
        {
            Add(StatusCodes.Status404NotFound, ErrorCodes.NotFound);
        }

        if (mutates)
        {
            Add(StatusCodes.Status409Conflict, ErrorCodes.Conflict);
        }

        if (mutates || parameters.Any(p => p.Source == BindingSource.Query))
        {
            Add(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationFailed);
        }

        // The gateway refuses a request target or a header over its limits before any service sees the request.
        Add(StatusCodes.Status414UriTooLong, ErrorCodes.BadRequest);
        Add(StatusCodes.Status431RequestHeaderFieldsTooLarge, ErrorCodes.BadRequest);
        Add(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited);
        Add(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable);

        foreach (var declared in description.ActionDescriptor.EndpointMetadata.OfType<ProblemCodesMetadata>())
        {
            Add(declared.Status, [.. declared.Codes]);
        }

        return problems;
    }

    /// <summary>True when the endpoint needs a signed-in caller (a bearer token).</summary>
    public static bool RequiresSignIn(ApiDescription description)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        return metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
    }
}
