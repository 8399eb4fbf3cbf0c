using System.Text.Json;

namespace ApiConventions.Json;

/// <summary>
/// The canonical form of a strict JSON body (<see cref="StrictJson"/>): object members sorted by name (ordinal), no
/// insignificant white space — so member order and formatting do not make two requests different.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The canonical bytes of <paramref name="json"/>, or null when it is not strict JSON (binding refuses it too).</summary>
    public static byte[]? TryCanonicalize(ReadOnlySpan<byte> json)
    {
        if (!StrictJson.IsStrict(json, out _))
        {
            return null;
        }

        var reader = new Utf8JsonReader(StrictJson.WithoutByteOrderMark(json));
        using var document = JsonDocument.ParseValue(ref reader);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(document.RootElement, writer);
        }

        return buffer.ToArray();
    }

    private static void Write(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in element.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(member.Name);
                    Write(member.Value, writer);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
