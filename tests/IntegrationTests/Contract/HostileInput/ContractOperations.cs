using System.Text.Json.Nodes;

namespace IntegrationTests.Contract.HostileInput;

/// <summary>Reads the operations of a committed OpenAPI document (<see cref="CommittedOpenApiDocuments"/>).</summary>
internal static class ContractOperations
{
    public static IReadOnlyList<ContractOperation> Read(string service, string documentPath)
    {
        var document = JsonNode.Parse(File.ReadAllText(documentPath))!.AsObject();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var codes = schemas["ProblemCode"]!["enum"]!.AsArray().Select(code => code!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

        var operations = new List<ContractOperation>();
        foreach (var (path, methods) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in methods!.AsObject())
            {
                if (node is not JsonObject operation || operation["responses"] is not JsonObject responses)
                {
                    continue;
                }

                var body = operation["requestBody"]?["content"]?["application/json"];
                operations.Add(new ContractOperation(
                    service,
                    operation["operationId"]!.GetValue<string>(),
                    HttpMethod.Parse(method),
                    path,
                    [.. (operation["parameters"]?.AsArray() ?? []).Select(p => Parameter(p!.AsObject()))],
                    body?["schema"] is { } schema ? Inline(schema.AsObject(), schemas) : null,
                    body?["example"]?.AsObject(),
                    responses.ToDictionary(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture), r => ProblemCodesOf(r.Value!)),
                    codes,
                    operation["security"]!.AsArray().Any(requirement => requirement!.AsObject().ContainsKey("DeviceCookie"))));
            }
        }

        return operations;
    }

    /// <summary>A copy of <paramref name="schema"/> with every <c>$ref</c> and nullable <c>oneOf</c> resolved, at every depth.</summary>
    private static JsonObject Inline(JsonObject schema, JsonObject schemas)
    {
        var inlined = Resolve(schema, schemas).DeepClone().AsObject();
        foreach (var property in inlined["properties"]?.AsObject().Select(p => p.Key).ToList() ?? [])
        {
            inlined["properties"]![property] = Inline(inlined["properties"]![property]!.AsObject(), schemas);
        }

        foreach (var nested in new[] { "additionalProperties", "items" })
        {
            if (inlined[nested] is JsonObject child)
            {
                inlined[nested] = Inline(child, schemas);
            }
        }

        return inlined;
    }

    /// <summary>The schema behind a <c>$ref</c>, or the object branch of a nullable <c>oneOf</c>.</summary>
    private static JsonObject Resolve(JsonObject schema, JsonObject schemas)
    {
        if (schema["$ref"] is { } reference)
        {
            return Resolve(schemas[reference.GetValue<string>().Split('/')[^1]]!.AsObject(), schemas);
        }

        return schema["oneOf"] is JsonArray branches
            ? Resolve(branches.Select(b => b!.AsObject()).Single(b => b["type"]?.ToString() != "null"), schemas)
            : schema;
    }

    public static IReadOnlyList<string> TypesOf(JsonObject schema) => schema["type"] switch
    {
        JsonArray types => [.. types.Select(t => t!.GetValue<string>())],
        JsonValue type => [type.GetValue<string>()],
        _ => [],
    };

    private static ContractParameter Parameter(JsonObject parameter) => new(
        parameter["name"]!.GetValue<string>(),
        parameter["in"]!.GetValue<string>(),
        parameter["required"]?.GetValue<bool>() ?? false,
        parameter["schema"] is JsonObject schema ? TypesOf(schema) : []);

    private static IReadOnlySet<string> ProblemCodesOf(JsonNode response) =>
        (response["x-problem-codes"]?.AsArray() ?? []).Select(code => code!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
}
