using System.Text.Json.Nodes;

namespace HostingIntegrations.DynamoDBFaults;

/// <summary>
/// A secondary index that has not caught up with its table, as a global secondary index may not have right after a
/// write (it is updated asynchronously): DynamoDB answers a <c>Query</c> of it with 200 and none of the new items, not
/// an error. DynamoDB Local updates its indexes synchronously, so only an injected fault shows this.
/// </summary>
internal static class LaggingIndex
{
    /// <summary>The one operation a lagging index changes; base-table queries and every other call are unaffected.</summary>
    public const string Operation = "Query";

    /// <summary>
    /// True when the <c>Query</c> names an <c>IndexName</c> — <paramref name="onlyIndex"/>, when one is given — and does
    /// not ask for a consistent read (a global index refuses one; a local index that gives one is never behind).
    /// </summary>
    public static bool Reads(ReadOnlySpan<byte> requestBody, string? onlyIndex = null) =>
        RequestJson.ObjectOf(requestBody) is { } request
        && request["IndexName"] is JsonValue name && name.TryGetValue<string>(out var index) && index.Length > 0
        && (onlyIndex is null || string.Equals(index, onlyIndex, StringComparison.Ordinal))
        && !(request["ConsistentRead"] is JsonValue consistent && consistent.TryGetValue<bool>(out var strongly) && strongly);

    /// <summary>
    /// The answer of an index that has none of the items yet, in the shape DynamoDB gives: <c>Count</c> and
    /// <c>ScannedCount</c> 0, an empty <c>Items</c> (absent when only a count was asked for), no <c>LastEvaluatedKey</c>.
    /// </summary>
    public static string EmptyAnswer(ReadOnlySpan<byte> requestBody)
    {
        var answer = new JsonObject { ["Count"] = 0 };
        if (!(RequestJson.ObjectOf(requestBody)?["Select"] is JsonValue select && select.TryGetValue<string>(out var what) && what == "COUNT"))
        {
            answer["Items"] = new JsonArray();
        }

        answer["ScannedCount"] = 0;
        return answer.ToJsonString();
    }
}
