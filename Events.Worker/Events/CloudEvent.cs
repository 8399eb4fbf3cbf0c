using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Events.Worker.Events;

/// <summary>A CloudEvents 1.0 event in its JSON format (structured mode).</summary>
public sealed record CloudEvent(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("time")] string Time,
    [property: JsonPropertyName("data")] JsonObject Data)
{
    public const string Version = "1.0";
    public const string JsonContentType = "application/json";

    [JsonPropertyName("specversion")]
    [JsonPropertyOrder(-1)]
    public string SpecVersion { get; init; } = Version;

    [JsonPropertyName("datacontenttype")]
    public string DataContentType { get; init; } = JsonContentType;
}
