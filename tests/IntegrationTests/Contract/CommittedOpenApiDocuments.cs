using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntegrationTests.Contract;

/// <summary>
/// The OpenAPI documents committed under <c>docs/openapi/</c>, where reviewers see a contract change, and the
/// comparison with what the built services serve. <c>OPENAPI_UPDATE=1</c> rewrites them from the served ones.
/// </summary>
internal static class CommittedOpenApiDocuments
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string PathOf(string service, [CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "docs", "openapi", $"{service}.json"));

    public static bool UpdateRequested => Environment.GetEnvironmentVariable("OPENAPI_UPDATE") == "1";

    /// <summary>The document as committed: indented, without <c>servers</c> (they name the port a run happened to get).</summary>
    public static string Normalize(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        document.Remove("servers");
        return document.ToJsonString(Indented) + "\n";
    }
}
