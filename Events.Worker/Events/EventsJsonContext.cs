using System.Text.Json.Serialization;
using Events.Worker.Audit;

namespace Events.Worker.Events;

/// <summary>Source-generated JSON for what the worker writes: CloudEvents and audit lines.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CloudEvent))]
[JsonSerializable(typeof(AuditLine))]
internal sealed partial class EventsJsonContext : JsonSerializerContext;
