namespace Orchestration.Dashboard.Telemetry;

/// <summary>An attribute with its value rendered as text (the dashboard shows, it does not compute on them).</summary>
public sealed record TelemetryAttribute(string Key, string Value);

/// <summary>Who emitted a record: <c>service.name</c> and <c>service.instance.id</c> of the OTLP resource.</summary>
public sealed record TelemetrySource(string Service, string Instance);

public sealed record SpanRecord(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    TelemetrySource Source,
    string Scope,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool IsError,
    string? StatusMessage,
    IReadOnlyList<TelemetryAttribute> Attributes,
    IReadOnlyList<SpanEventRecord> Events)
{
    public double DurationMs => (End - Start).TotalMilliseconds;
}

public sealed record SpanEventRecord(string Name, DateTimeOffset Time, IReadOnlyList<TelemetryAttribute> Attributes);

public sealed record LogEntry(
    long Sequence,
    DateTimeOffset Timestamp,
    TelemetrySource Source,
    string Category,
    int SeverityNumber,
    string Level,
    string Message,
    string? TraceId,
    string? SpanId,
    IReadOnlyList<TelemetryAttribute> Attributes);

/// <summary>One histogram data point as exported (cumulative or delta, see <see cref="IsDelta"/>).</summary>
public sealed record HistogramPoint(
    TelemetrySource Source,
    string Name,
    string Unit,
    string SeriesKey,
    bool IsDelta,
    DateTimeOffset Start,
    DateTimeOffset Time,
    ulong Count,
    double Sum,
    IReadOnlyList<double> Bounds,
    IReadOnlyList<ulong> BucketCounts);

/// <summary>A gauge or sum data point.</summary>
public sealed record NumberPoint(TelemetrySource Source, string Name, string Unit, string Kind, string SeriesKey, DateTimeOffset Time, double Value);
