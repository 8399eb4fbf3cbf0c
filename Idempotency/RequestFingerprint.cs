using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Idempotency;

/// <summary>
/// What makes two requests "the same": SHA-256 over the method, the path and the JSON body in canonical form
/// (object keys sorted, no insignificant white space), so key order and formatting do not matter.
/// </summary>
public static class RequestFingerprint
{
    public static string Compute(string method, string path, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()}\n{path}\n"));
        hash.AppendData(Canonicalize(body));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The canonical bytes of a JSON body; a body that is not JSON is taken as it is.</summary>
    public static byte[] Canonicalize(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return [];
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return body.ToArray();
        }

        using (document)
        using (var buffer = new MemoryStream())
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                Write(document.RootElement, writer);
            }

            return buffer.ToArray();
        }
    }

    private static void Write(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(property.Value, writer);
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

    /// <summary>Reads the (buffered) request body and fingerprints the request.</summary>
    public static async Task<string> ComputeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.Body.CanSeek)
        {
            throw new InvalidOperationException("Request bodies are not buffered: call app.UseIdempotency() before mapping endpoints.");
        }

        request.Body.Position = 0;
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, cancellationToken);
        request.Body.Position = 0;
        return Compute(request.Method, request.Path.Value ?? "/", copy.GetBuffer().AsSpan(0, (int)copy.Length));
    }
}
