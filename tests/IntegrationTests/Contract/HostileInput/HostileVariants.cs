using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntegrationTests.Contract.HostileInput;

/// <summary>
/// Builds an operation's hostile variants from its document, never by hand per endpoint: each variant is the valid
/// request (real path arguments, the document's body example, a fresh Idempotency-Key) with one thing made hostile —
/// a path parameter, a query parameter, a header the operation reads, the whole body, one member of the body, or the
/// Content-Type. The list is deterministic: the same seed gives the same variants in the same order.
/// </summary>
internal sealed class HostileVariants(ContractOperation operation, IReadOnlyDictionary<string, string> arguments, Func<string> freshKey, int seed)
{
    private const string Marker = "__hostile_value__";

    /// <summary>How many seeded random strings each operation gets (in a path parameter and in a string member).</summary>
    private const int RandomStrings = 6;

    public IEnumerable<HostileRequest> All() =>
        PathVariants().Concat(QueryVariants()).Concat(HeaderVariants()).Concat(BodyVariants());

    private IEnumerable<HostileRequest> PathVariants()
    {
        var random = new Random(seed);
        foreach (var parameter in operation.In("path"))
        {
            var segments = HostileValues.PathSegments
                .Append(("valid with a trailing newline", Uri.EscapeDataString(arguments[parameter.Name]) + "%0A"))
                .Concat(Enumerable.Range(0, RandomStrings).Select(i => ($"random #{i} (seed {seed})", Uri.EscapeDataString(WithoutNul(RandomString(random))))));
            foreach (var (name, segment) in segments)
            {
                yield return Request($"path {parameter.Name}: {name}", Target(parameter.Name, segment), Headers(), Body());
            }

            foreach (var (name, segment) in HostileValues.OtherRouteSegments)
            {
                yield return Request($"path {parameter.Name}: {name}", Target(parameter.Name, segment), Headers(), Body()) with { StaysOnRoute = false };
            }
        }
    }

    private IEnumerable<HostileRequest> QueryVariants()
    {
        foreach (var parameter in operation.In("query"))
        {
            var others = Query(except: parameter.Name);
            foreach (var (name, value) in HostileValues.QueryValues)
            {
                yield return Request($"query {parameter.Name}: {name}", $"{Path()}?{others}{parameter.Name}={value}", Headers(), Body());
            }

            yield return Request($"query {parameter.Name}: repeated", $"{Path()}?{others}{parameter.Name}=1&{parameter.Name}=2", Headers(), Body());
            yield return Request($"query {parameter.Name}: without a value", $"{Path()}?{others}{parameter.Name}", Headers(), Body());
            if (parameter.Required)
            {
                yield return Request($"query {parameter.Name}: missing", $"{Path()}?{others.TrimEnd('&')}", Headers(), Body());
            }
        }
    }

    private IEnumerable<HostileRequest> HeaderVariants()
    {
        yield return Request("a header past the value limit", Target(), [.. Headers(), new("X-Padding", new string('p', 9000))], Body());
        if (operation.Reads("Idempotency-Key"))
        {
            foreach (var (name, value) in HostileValues.IdempotencyKeys)
            {
                yield return Request($"Idempotency-Key: {name}", Target(), value is null ? [] : [new("Idempotency-Key", value)], Body());
            }

            yield return Request("Idempotency-Key: sent twice", Target(), [new("Idempotency-Key", freshKey()), new("Idempotency-Key", freshKey())], Body());
        }

        if (operation.Reads("If-Match"))
        {
            foreach (var (name, value) in HostileValues.IfMatches)
            {
                yield return Request($"If-Match: {name}", Target(), [.. Headers(), new("If-Match", value)], Body());
            }
        }
    }

    private IEnumerable<HostileRequest> BodyVariants()
    {
        if (operation.BodySchema is null)
        {
            // An operation without a body still meets one.
            yield return Request("unexpected body: not JSON", Target(), Headers(), Encoding.UTF8.GetBytes("not json"));
            yield return Request("unexpected body: an object", Target(), Headers(), Encoding.UTF8.GetBytes("{\"a\":1}"));
            yield break;
        }

        foreach (var (name, body) in HostileValues.WrongBodies)
        {
            yield return Request($"body: {name}", Target(), Headers(), body);
        }

        foreach (var (name, contentType) in HostileValues.WrongContentTypes)
        {
            yield return Request($"content type: {name}", Target(), Headers(), Body(), contentType);
        }

        yield return Request("body: a byte-order mark first", Target(), Headers(), [0xEF, 0xBB, 0xBF, .. Body()!]);
        yield return Request("body: trailing garbage", Target(), Headers(), [.. Body()!, .. "}x"u8.ToArray()]);
        yield return Request("body: an unknown member", Target(), Headers(), Encoding.UTF8.GetBytes(WithRaw([], "zzUnknown", "1")));
        yield return Request("body: an unknown member nested 70 deep", Target(), Headers(),
            Encoding.UTF8.GetBytes(WithRaw([], "zzUnknown", string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 70))));

        var random = new Random(seed + 1);
        foreach (var (location, schema) in Members(operation.BodySchema, []))
        {
            var member = string.Join('.', location);
            var types = ContractOperations.TypesOf(schema);
            var values = HostileValues.TypeSwaps.Select(v => ($"type swapped to {v.Name}", v.Json));
            if (types.Contains("integer"))
            {
                values = values.Concat(HostileValues.Numbers);
            }
            else if (types.Contains("string"))
            {
                values = values.Concat(HostileValues.Strings)
                    .Concat(Enumerable.Range(0, RandomStrings).Select(i => ($"random #{i} (seed {seed + 1})", JsonSerializer.Serialize(RandomString(random)))));
            }

            yield return Request($"body member {member}: missing", Target(), Headers(), Encoding.UTF8.GetBytes(Without(location)));
            foreach (var (name, json) in values)
            {
                yield return Request($"body member {member}: {name}", Target(), Headers(), Encoding.UTF8.GetBytes(WithRaw(location[..^1], location[^1], json)));
            }

            yield return Request($"body member {member}: duplicated", Target(), Headers(), Encoding.UTF8.GetBytes(Duplicated(location)));
            if (schema["additionalProperties"] is JsonObject)
            {
                foreach (var (name, memberName) in HostileValues.MemberNames)
                {
                    yield return Request($"body member {member}: {name}", Target(), Headers(), Encoding.UTF8.GetBytes(WithRaw(location, memberName, "\"v\"")));
                }
            }
        }
    }

    /// <summary>
    /// Every member the schema names (with the example's members of a free-form object), depth first, as a location
    /// of member names from the body's root.
    /// </summary>
    private IEnumerable<(string[] Location, JsonObject Schema)> Members(JsonObject schema, string[] location)
    {
        var example = Locate(Baseline(), location) as JsonObject;
        var named = schema["properties"]?.AsObject().Select(p => (p.Key, p.Value!.AsObject())) ?? [];
        var free = schema["additionalProperties"] is JsonObject any && example is not null
            ? example.Select(m => (m.Key, any))
            : [];
        foreach (var (name, memberSchema) in named.Concat(free))
        {
            string[] memberLocation = [.. location, name];
            yield return (memberLocation, memberSchema);
            if (ContractOperations.TypesOf(memberSchema).Contains("object") && Locate(Baseline(), memberLocation) is JsonObject)
            {
                foreach (var nested in Members(memberSchema, memberLocation))
                {
                    yield return nested;
                }
            }
        }
    }

    private static JsonNode? Locate(JsonNode? node, IEnumerable<string> location) =>
        location.Aggregate(node, (current, name) => current is JsonObject o ? o[name] : null);

    /// <summary>The example body with <paramref name="name"/> under <paramref name="parent"/> set to the JSON text <paramref name="json"/>.</summary>
    private string WithRaw(string[] parent, string name, string json)
    {
        var body = Baseline();
        var holder = Locate(body, parent) as JsonObject ?? throw new InvalidOperationException($"{operation}: no object at {string.Join('.', parent)}");
        holder[name] = Marker;
        return body.ToJsonString().Replace($"\"{Marker}\"", json, StringComparison.Ordinal);
    }

    private string Without(string[] location)
    {
        var body = Baseline();
        (Locate(body, location[..^1]) as JsonObject)?.Remove(location[^1]);
        return body.ToJsonString();
    }

    /// <summary>The member written twice, the second time with the case of its name changed.</summary>
    private string Duplicated(string[] location)
    {
        var json = WithRaw(location[..^1], location[^1], "\"first\"");
        var name = location[^1];
        var other = name.ToUpperInvariant() == name ? name.ToLowerInvariant() : name.ToUpperInvariant();
        return json.Replace($"\"{name}\":\"first\"", $"\"{name}\":\"first\",\"{other}\":\"second\"", StringComparison.Ordinal);
    }

    /// <summary>
    /// The document's example body, with every member that names a resource (an account, a cart) replaced by the real
    /// one, so a variant reaches the checks beyond "not found".
    /// </summary>
    private JsonObject Baseline()
    {
        var body = operation.BodyExample?.DeepClone().AsObject() ?? [];
        foreach (var name in body.Select(m => m.Key).ToList())
        {
            if (arguments.TryGetValue(name, out var value))
            {
                body[name] = value;
            }
        }

        return body;
    }

    private byte[]? Body() => operation.BodySchema is null ? null : Encoding.UTF8.GetBytes(Baseline().ToJsonString());

    private List<KeyValuePair<string, string>> Headers() => operation.Reads("Idempotency-Key") ? [new("Idempotency-Key", freshKey())] : [];

    /// <summary>The path with real arguments, and <paramref name="hostile"/> (already encoded) in place of one.</summary>
    private string Path(string? hostile = null, string? segment = null)
    {
        var path = operation.PathTemplate;
        foreach (var parameter in operation.In("path"))
        {
            var value = parameter.Name == hostile ? segment! : Uri.EscapeDataString(arguments[parameter.Name]);
            path = path.Replace($"{{{parameter.Name}}}", value, StringComparison.Ordinal);
        }

        return path;
    }

    /// <summary>The required query parameters but <paramref name="except"/>, each followed by <c>&amp;</c>.</summary>
    private string Query(string? except = null) => string.Concat(
        operation.In("query").Where(p => p.Required && p.Name != except).Select(p => $"{p.Name}={Uri.EscapeDataString(arguments[p.Name])}&"));

    /// <summary>The path and, if the operation requires any, its query.</summary>
    private string Target(string? hostile = null, string? segment = null) =>
        Query() is { Length: > 0 } query ? $"{Path(hostile, segment)}?{query.TrimEnd('&')}" : Path(hostile, segment);

    private HostileRequest Request(string variant, string target, List<KeyValuePair<string, string>> headers, byte[]? body, string? contentType = HostileRequest.Json) =>
        new(variant, operation.Method, target, headers, body, body is null ? null : contentType);

    /// <summary>
    /// A random path segment without the NUL, which Kestrel refuses before anything else sees the request (the fixed
    /// "NUL" segment covers it): the other awkward characters then reach the gateway's checks and the services.
    /// </summary>
    private static string WithoutNul(string value) => value.Replace("\0", "", StringComparison.Ordinal) is { Length: > 0 } rest ? rest : "a";

    /// <summary>A short string from a pool of the awkward: letters, digits, separators, controls, invisibles, astral characters.</summary>
    private static string RandomString(Random random)
    {
        string[] pool = ["a", "Z", "0", "9", "-", "_", "#", ":", ";", "/", "\\", "%", " ", ".", "\"", "'", "\n", "\r", "\t", "\u0000", "\u007F", "\u200B", "\u202E", "\uFEFF", "é", "漢", "🛒", "\u0301"];
        var length = random.Next(1, 24);
        return string.Concat(Enumerable.Range(0, length).Select(_ => pool[random.Next(pool.Length)]));
    }
}
