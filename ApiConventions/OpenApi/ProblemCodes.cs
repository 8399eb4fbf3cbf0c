using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ApiConventions.OpenApi;

/// <summary>
/// The codes one problem response can carry, kept on the response as <c>x-problem-codes</c> (and in its description,
/// for people): the schema stays the one <c>Problem</c> type, so generators make one class, not one per response.
/// </summary>
internal static class ProblemCodes
{
    public const string ExtensionName = "x-problem-codes";

    public static void Declare(OpenApiResponse response, IReadOnlyCollection<string> codes)
    {
        response.Description = $"{response.Description} ({string.Join(", ", codes)})";
        response.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        response.Extensions[ExtensionName] = new JsonNodeExtension(new JsonArray([.. codes.Select(code => (JsonNode)JsonValue.Create(code))]));
    }

    /// <summary>Every code the document's responses declare.</summary>
    public static IEnumerable<string> In(OpenApiDocument document) =>
        document.Paths.Values
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.Responses?.Values.AsEnumerable() ?? [])
            .Select(response => response.Extensions is { } extensions && extensions.TryGetValue(ExtensionName, out var codes) ? codes : null)
            .OfType<JsonNodeExtension>()
            .SelectMany(codes => codes.Node.AsArray())
            .Select(code => code!.GetValue<string>());
}
