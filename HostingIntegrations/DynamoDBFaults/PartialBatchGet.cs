using System.Text.Json;
using System.Text.Json.Nodes;

namespace HostingIntegrations.DynamoDBFaults;

/// <summary>
/// A <c>BatchGetItem</c> throttled in part, as DynamoDB answers one: it reads what it can and returns the rest of the
/// keys in <c>UnprocessedKeys</c> with a 200, not an error (only a batch it can read nothing of is refused with a
/// throttling error). The injected worst case: one key is read per call, the others are left unprocessed.
/// </summary>
internal sealed record PartialBatchGet(byte[] ForwardedBody, JsonObject UnprocessedKeys, int Unprocessed)
{
    public const string Operation = "BatchGetItem";

    /// <summary>
    /// The call split into the one key to read and the keys to leave unprocessed; null for a batch of one key (throttled
    /// whole) or a body that is not a <c>BatchGetItem</c> request.
    /// </summary>
    public static PartialBatchGet? Split(ReadOnlySpan<byte> requestBody)
    {
        var request = RequestJson.ObjectOf(requestBody);
        if (request?["RequestItems"] is not JsonObject tables
            || tables.Sum(table => (table.Value?["Keys"] as JsonArray)?.Count ?? 0) < 2)
        {
            return null;
        }

        var forwarded = new JsonObject();
        var unprocessed = new JsonObject();
        var left = 0;
        foreach (var (name, table) in tables)
        {
            if (table is not JsonObject { } keysAndAttributes || keysAndAttributes["Keys"] is not JsonArray { Count: > 0 } keys)
            {
                continue;
            }

            var read = forwarded.Count == 0 ? 1 : 0;
            if (read > 0)
            {
                forwarded[name] = WithKeys(keysAndAttributes, keys.Take(read));
            }

            if (keys.Count > read)
            {
                unprocessed[name] = WithKeys(keysAndAttributes, keys.Skip(read));
                left += keys.Count - read;
            }
        }

        request["RequestItems"] = forwarded;
        return new PartialBatchGet(JsonSerializer.SerializeToUtf8Bytes(request), unprocessed, left);
    }

    /// <summary>DynamoDB's answer to the forwarded call with the keys left out put back as unprocessed.</summary>
    public byte[] Answer(byte[] responseBody)
    {
        var response = JsonNode.Parse(responseBody) as JsonObject ?? [];
        response["UnprocessedKeys"] = UnprocessedKeys.DeepClone();
        return JsonSerializer.SerializeToUtf8Bytes(response);
    }

    /// <summary>The table's read options (consistency, projection) with <paramref name="keys"/>.</summary>
    private static JsonObject WithKeys(JsonObject keysAndAttributes, IEnumerable<JsonNode?> keys)
    {
        var copy = (JsonObject)keysAndAttributes.DeepClone();
        copy["Keys"] = new JsonArray([.. keys.Select(key => key?.DeepClone())]);
        return copy;
    }
}
