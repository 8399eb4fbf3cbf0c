using System.Text.Json;
using System.Text.Json.Nodes;

namespace HostingIntegrations.DynamoDBFaults;

/// <summary>
/// A <c>BatchWriteItem</c> throttled in part, as DynamoDB answers one: it writes what it can and returns the rest of the
/// write requests in <c>UnprocessedItems</c> with a 200, each under its table exactly as it was asked (a
/// <c>PutRequest</c> or <c>DeleteRequest</c>), not an error (only a batch it can write nothing of is refused with a
/// throttling error). The injected case: the first half of the requests (rounded up, in the order asked, across tables)
/// is written, the rest is left unprocessed, so a writer that resends what is left converges in a few rounds and one that
/// does not loses items.
/// </summary>
internal sealed record PartialBatchWrite(byte[] ForwardedBody, JsonObject UnprocessedItems, int Unprocessed)
{
    public const string Operation = "BatchWriteItem";

    /// <summary>
    /// True when the body is a <c>BatchWriteItem</c> request the fault can throttle (in part or whole): its
    /// <c>RequestItems</c> map each table to a list of request objects, at least one in all. Any other body is forwarded
    /// untouched, so DynamoDB answers it with its own validation error rather than the fault with a throttling one.
    /// </summary>
    public static bool Reads(ReadOnlySpan<byte> requestBody) => RequestCount(RequestJson.ObjectOf(requestBody)) > 0;

    /// <summary>
    /// The call split into the requests to write and those to leave unprocessed; null for a batch of one request
    /// (throttled whole) or a body the fault does not read (<see cref="Reads"/>).
    /// </summary>
    public static PartialBatchWrite? Split(ReadOnlySpan<byte> requestBody)
    {
        var request = RequestJson.ObjectOf(requestBody);
        var count = RequestCount(request);
        if (count < 2)
        {
            return null;
        }

        var written = (count + 1) / 2;
        var toWrite = written;
        var forwarded = new JsonObject();
        var unprocessed = new JsonObject();
        foreach (var (name, requests) in (JsonObject)request!["RequestItems"]!)
        {
            var all = (JsonArray)requests!;
            var here = Math.Min(toWrite, all.Count);
            toWrite -= here;
            if (here > 0)
            {
                forwarded[name] = Copy(all.Take(here));
            }

            if (all.Count > here)
            {
                unprocessed[name] = Copy(all.Skip(here));
            }
        }

        request["RequestItems"] = forwarded;
        return new PartialBatchWrite(JsonSerializer.SerializeToUtf8Bytes(request), unprocessed, count - written);
    }

    /// <summary>
    /// DynamoDB's answer to the forwarded call (its consumed capacity and item collection metrics kept) with the requests
    /// left out added to its <c>UnprocessedItems</c>.
    /// </summary>
    public byte[] Answer(byte[] responseBody)
    {
        var response = JsonNode.Parse(responseBody) as JsonObject ?? [];
        var merged = response["UnprocessedItems"] as JsonObject ?? [];
        foreach (var (name, requests) in UnprocessedItems)
        {
            var list = merged[name] as JsonArray ?? [];
            foreach (var writeRequest in (JsonArray)requests!)
            {
                list.Add(writeRequest?.DeepClone());
            }

            merged[name] = list;
        }

        response["UnprocessedItems"] = merged;
        return JsonSerializer.SerializeToUtf8Bytes(response);
    }

    /// <summary>How many write requests <paramref name="request"/> holds, or 0 when it is not a batch of them.</summary>
    private static int RequestCount(JsonObject? request)
    {
        if (request?["RequestItems"] is not JsonObject { Count: > 0 } tables)
        {
            return 0;
        }

        var count = 0;
        foreach (var (_, requests) in tables)
        {
            if (requests is not JsonArray { Count: > 0 } list || list.Any(writeRequest => writeRequest is not JsonObject))
            {
                return 0;
            }

            count += list.Count;
        }

        return count;
    }

    private static JsonArray Copy(IEnumerable<JsonNode?> requests) => new([.. requests.Select(writeRequest => writeRequest?.DeepClone())]);
}
