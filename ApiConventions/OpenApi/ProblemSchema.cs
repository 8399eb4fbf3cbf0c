using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ApiConventions.OpenApi;

/// <summary>
/// The RFC 9457 problem body every error response carries, as one component schema whose <c>code</c> is one enum of
/// the codes the document declares: a generated client gets one typed problem, whatever the status.
/// </summary>
internal static class ProblemSchema
{
    public const string ComponentName = "Problem";
    public const string CodeComponentName = "ProblemCode";
    public const string MediaType = "application/problem+json";

    public static OpenApiSchema Component(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details with a stable machine-readable code.",
        Required = new HashSet<string> { "status", "title", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI reference that identifies the problem type."),
            ["title"] = Text("A short summary of the problem type."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
            ["detail"] = Text("What went wrong with this request, in plain words."),
            ["instance"] = Text("The method and path of the request."),
            ["code"] = new OpenApiSchemaReference(CodeComponentName, document),
            ["traceId"] = Text("The W3C trace id of the request."),
            ["requestId"] = Text("The request id (X-Request-Id)."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Field errors by JSON path (VALIDATION_FAILED).",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };

    /// <summary>The stable machine-readable codes (DESIGN §3); each problem response lists its own in <c>x-problem-codes</c>.</summary>
    public static OpenApiSchema CodeComponent(IEnumerable<string> codes) => new()
    {
        Type = JsonSchemaType.String,
        Description = "The stable machine-readable code of a problem (each error response lists the ones it can carry in x-problem-codes).",
        Enum = [.. codes.Distinct().Order(StringComparer.Ordinal).Select(code => (JsonNode)JsonValue.Create(code))],
    };

    public static IOpenApiSchema Reference(OpenApiDocument document) => new OpenApiSchemaReference(ComponentName, document);

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
