using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace ApiConventions.OpenApi;

/// <summary>
/// Completes each operation from its endpoint's metadata, so the document and the code cannot drift: the request
/// headers it reads, the headers its responses carry, every problem it can answer (with the codes each status can
/// carry) and the credentials it accepts.
/// </summary>
internal sealed class OperationContractTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation is transformed outside a document.");
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;

        foreach (var header in metadata.OfType<RequestHeaderMetadata>().DistinctBy(h => h.Name))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = header.Name,
                In = ParameterLocation.Header,
                Required = header.Required,
                Description = header.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        operation.Responses ??= [];
        foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('2')))
        {
            if (response is not OpenApiResponse success)
            {
                continue;
            }

            foreach (var header in metadata.OfType<ResponseHeaderMetadata>().DistinctBy(h => h.Name))
            {
                AddHeader(success, header.Name, header.Description);
            }

            if (status == "201")
            {
                AddHeader(success, "Location", "Where the created resource is read.");
            }
        }

        foreach (var (status, codes) in ProblemRules.For(context.Description))
        {
            var key = status.ToString(CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(key))
            {
                continue;
            }

            var problem = new OpenApiResponse
            {
                Description = ReasonPhrases.GetReasonPhrase(status),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemSchema.MediaType] = new() { Schema = ProblemSchema.Reference(document) },
                },
            };
            ProblemCodes.Declare(problem, codes);
            if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
            {
                AddHeader(problem, "Retry-After", "Seconds to wait before retrying (with the same Idempotency-Key).");
            }

            operation.Responses[key] = problem;
        }

        operation.Security = ProblemRules.RequiresSignIn(context.Description)
            ? [Requirement(SecuritySchemes.Bearer, document)]
            : [Requirement(SecuritySchemes.DeviceCookie, document), Requirement(SecuritySchemes.Bearer, document)];
        return Task.CompletedTask;
    }

    private static void AddHeader(OpenApiResponse response, string name, string description)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };
}
