using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ApiConventions.OpenApi;

/// <summary>The RFC 9457 problem body every error response carries, as one component schema.</summary>
internal static class ProblemSchema
{
    public const string ComponentName = "Problem";
    public const string MediaType = "application/problem+json";

    public static OpenApiSchema Component() => new()
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
            ["code"] = Text("The stable machine-readable code (each response lists the ones it can carry)."),
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

    /// <summary>The problem, narrowed to the <paramref name="codes"/> this response can carry.</summary>
    public static IOpenApiSchema WithCodes(OpenApiDocument document, IEnumerable<string> codes) => new OpenApiSchema
    {
        AllOf =
        [
            new OpenApiSchemaReference(ComponentName, document),
            new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. codes.Order(StringComparer.Ordinal).Select(code => (JsonNode)JsonValue.Create(code))] },
                },
            },
        ],
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
