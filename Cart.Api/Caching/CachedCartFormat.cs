using Cart.Api.Contracts;
using System.Buffers;

namespace Cart.Api.Caching;

/// <summary>
/// The JSON of a cache entry: <c>{"version":…,"cachedAt":…,"status":…,"deviceId":…,"userId":…,"ttl":…,"createdAt":…,"cart":{…}}</c>.
/// The cart is written and read as raw JSON, so a hit costs one scan of the entry and no document objects.
/// </summary>
internal static class CachedCartFormat
{
    public static byte[] Write(CachedCart entry)
    {
        var buffer = new ArrayBufferWriter<byte>(entry.Cart.Json.Length + 192);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version"u8, entry.Version);
            writer.WriteNumber("cachedAt"u8, entry.CachedAt);
            writer.WriteString("status"u8, entry.Status);
            if (entry.DeviceId is not null)
            {
                writer.WriteString("deviceId"u8, entry.DeviceId);
            }

            if (entry.UserId is not null)
            {
                writer.WriteString("userId"u8, entry.UserId);
            }

            if (entry.Ttl is { } ttl)
            {
                writer.WriteNumber("ttl"u8, ttl);
            }

            if (entry.CreatedAt is not null)
            {
                writer.WriteString("createdAt"u8, entry.CreatedAt);
            }

            writer.WritePropertyName("cart"u8);
            writer.WriteRawValue(entry.Cart.Json.Span, skipInputValidation: true); // our own serializer's output
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The entry in <paramref name="json"/>; null when a member is missing (an entry of an older format, which the
    /// caller treats as a miss). Malformed JSON or a member of the wrong type throws <see cref="JsonException"/>.
    /// </summary>
    public static CachedCart? Read(ReadOnlyMemory<byte> json)
    {
        var reader = new Utf8JsonReader(json.Span);
        Expect(ref reader, JsonTokenType.StartObject);
        long? version = null, cachedAt = null, ttl = null;
        string? status = null, deviceId = null, userId = null, createdAt = null;
        ReadOnlyMemory<byte>? cart = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("version"u8))
            {
                version = Int64(ref reader);
            }
            else if (reader.ValueTextEquals("cachedAt"u8))
            {
                cachedAt = Int64(ref reader);
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                status = String(ref reader);
            }
            else if (reader.ValueTextEquals("deviceId"u8))
            {
                deviceId = String(ref reader);
            }
            else if (reader.ValueTextEquals("userId"u8))
            {
                userId = String(ref reader);
            }
            else if (reader.ValueTextEquals("ttl"u8))
            {
                ttl = Next(ref reader) == JsonTokenType.Null ? null : Int64At(ref reader);
            }
            else if (reader.ValueTextEquals("createdAt"u8))
            {
                createdAt = String(ref reader);
            }
            else if (reader.ValueTextEquals("cart"u8))
            {
                Expect(ref reader, JsonTokenType.StartObject);
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                cart = json[start..(int)reader.BytesConsumed];
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("A cached cart entry must be one JSON object.");
        }

        return version is { } v && cachedAt is { } at && status is not null && cart is { } body
            ? new CachedCart(v, at, status, deviceId, userId, ttl, new CartView(v, status, body)) { CreatedAt = createdAt }
            : null;
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("A cached cart entry ends early.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (Next(ref reader) != token)
        {
            throw new JsonException($"A cached cart entry has {reader.TokenType} where {token} belongs.");
        }
    }

    private static long Int64(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return Int64At(ref reader);
    }

    private static long Int64At(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value)
            ? value
            : throw new JsonException($"A cached cart entry has {reader.TokenType} where a whole number belongs.");

    private static string? String(ref Utf8JsonReader reader) => Next(ref reader) switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        var other => throw new JsonException($"A cached cart entry has {other} where a string belongs."),
    };
}
