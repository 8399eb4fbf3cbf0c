using System.Text.Json;
using System.Text.Json.Nodes;

namespace Events.Worker.Events;

/// <summary>Turns DynamoDB JSON (<c>{"S":"x"}</c>, <c>{"N":"1"}</c>, <c>{"M":{…}}</c>…) into plain JSON.</summary>
public static class DynamoJson
{
    public static JsonObject ToPlain(IReadOnlyDictionary<string, JsonElement> image, Func<string, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        var result = new JsonObject();
        foreach (var (name, value) in image.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (include is null || include(name))
            {
                result[name] = ToPlain(value);
            }
        }

        return result;
    }

    public static JsonNode? ToPlain(JsonElement attribute)
    {
        if (attribute.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in attribute.EnumerateObject())
        {
            var value = property.Value;
            return property.Name switch
            {
                "S" or "B" => JsonValue.Create(value.GetString()),
                "N" => JsonNode.Parse(value.GetString() ?? "0"),
                "BOOL" => JsonValue.Create(value.GetBoolean()),
                "NULL" => null,
                "M" => new JsonObject(value.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, ToPlain(p.Value)))),
                "L" => new JsonArray([.. value.EnumerateArray().Select(ToPlain)]),
                "SS" or "BS" => new JsonArray([.. value.EnumerateArray().Select(e => (JsonNode?)JsonValue.Create(e.GetString()))]),
                "NS" => new JsonArray([.. value.EnumerateArray().Select(e => JsonNode.Parse(e.GetString() ?? "0"))]),
                _ => null,
            };
        }

        return null;
    }

    /// <summary>The string value of attribute <paramref name="name"/>, if it is an <c>S</c>.</summary>
    public static string? String(IReadOnlyDictionary<string, JsonElement>? image, string name) =>
        image is not null && image.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Object && value.TryGetProperty("S", out var s)
            ? s.GetString()
            : null;

    /// <summary>The numeric value of attribute <paramref name="name"/> as written, if it is an <c>N</c>.</summary>
    public static string? Number(IReadOnlyDictionary<string, JsonElement>? image, string name) =>
        image is not null && image.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Object && value.TryGetProperty("N", out var n)
            ? n.GetString()
            : null;
}
