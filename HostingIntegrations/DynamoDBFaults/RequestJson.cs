using System.Text.Json;
using System.Text.Json.Nodes;

namespace HostingIntegrations.DynamoDBFaults;

/// <summary>A DynamoDB request's JSON body as the faults read it: the object, or null for a body that is not one.</summary>
internal static class RequestJson
{
    public static JsonObject? ObjectOf(ReadOnlySpan<byte> requestBody)
    {
        try
        {
            return JsonNode.Parse(requestBody) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
