using System.Globalization;
using Orchestration.Dashboard.Telemetry;

namespace Orchestration.Dashboard.Otlp;

/// <summary>
/// Decodes the OTLP/protobuf export requests (opentelemetry-proto v1: collector/{trace,logs,metrics}/v1) into the
/// dashboard's records. Field numbers are the ones of the .proto files; only the fields the dashboard shows are read.
/// </summary>
public static class OtlpDecoder
{
    private static readonly string[] SpanKinds = ["Unspecified", "Internal", "Server", "Client", "Producer", "Consumer"];

    /// <summary>ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }</summary>
    public static List<SpanRecord> DecodeTraces(ReadOnlySpan<byte> request)
    {
        var spans = new List<SpanRecord>();
        var reader = new ProtoReader(request);
        while (reader.Next())
        {
            if (reader.FieldNumber == 1)
            {
                ResourceSpans(reader.ReadBytes(), spans);
            }
            else
            {
                reader.Skip();
            }
        }

        return spans;
    }

    /// <summary>ExportLogsServiceRequest { repeated ResourceLogs resource_logs = 1; }</summary>
    public static List<LogEntry> DecodeLogs(ReadOnlySpan<byte> request)
    {
        var logs = new List<LogEntry>();
        var reader = new ProtoReader(request);
        while (reader.Next())
        {
            if (reader.FieldNumber == 1)
            {
                ResourceLogs(reader.ReadBytes(), logs);
            }
            else
            {
                reader.Skip();
            }
        }

        return logs;
    }

    /// <summary>ExportMetricsServiceRequest { repeated ResourceMetrics resource_metrics = 1; }</summary>
    public static (List<HistogramPoint> Histograms, List<NumberPoint> Numbers) DecodeMetrics(ReadOnlySpan<byte> request)
    {
        var histograms = new List<HistogramPoint>();
        var numbers = new List<NumberPoint>();
        var reader = new ProtoReader(request);
        while (reader.Next())
        {
            if (reader.FieldNumber == 1)
            {
                ResourceMetrics(reader.ReadBytes(), histograms, numbers);
            }
            else
            {
                reader.Skip();
            }
        }

        return (histograms, numbers);
    }

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    private static void ResourceSpans(ReadOnlySpan<byte> message, List<SpanRecord> spans)
    {
        var source = ReadSource(message);
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            if (reader.FieldNumber == 2)
            {
                ScopeSpans(reader.ReadBytes(), source, spans);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
    private static void ScopeSpans(ReadOnlySpan<byte> message, TelemetrySource source, List<SpanRecord> spans)
    {
        var scope = ReadScopeName(message);
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            if (reader.FieldNumber == 2)
            {
                spans.Add(Span(reader.ReadBytes(), source, scope));
            }
            else
            {
                reader.Skip();
            }
        }
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6;
    //        fixed64 start_time_unix_nano = 7; fixed64 end_time_unix_nano = 8; repeated KeyValue attributes = 9;
    //        repeated Event events = 11; Status status = 15; }
    private static SpanRecord Span(ReadOnlySpan<byte> message, TelemetrySource source, string scope)
    {
        string traceId = "", spanId = "", name = "";
        string? parent = null, statusMessage = null;
        var kind = 0;
        ulong start = 0, end = 0;
        var isError = false;
        var attributes = new List<TelemetryAttribute>();
        var events = new List<SpanEventRecord>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.FieldNumber)
            {
                case 1: traceId = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case 2: spanId = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case 4:
                    var parentBytes = reader.ReadBytes();
                    parent = parentBytes.Length == 0 ? null : Convert.ToHexStringLower(parentBytes);
                    break;
                case 5: name = reader.ReadString(); break;
                case 6: kind = (int)reader.ReadVarint(); break;
                case 7: start = reader.ReadFixed64(); break;
                case 8: end = reader.ReadFixed64(); break;
                case 9: attributes.Add(KeyValue(reader.ReadBytes())); break;
                case 11: events.Add(SpanEvent(reader.ReadBytes())); break;
                case 15: (isError, statusMessage) = Status(reader.ReadBytes()); break;
                default: reader.Skip(); break;
            }
        }

        return new SpanRecord(traceId, spanId, parent, name, kind >= 0 && kind < SpanKinds.Length ? SpanKinds[kind] : "Unspecified",
            source, scope, FromUnixNano(start), FromUnixNano(Math.Max(start, end)), isError, statusMessage, attributes, events);
    }

    // Span.Event { fixed64 time_unix_nano = 1; string name = 2; repeated KeyValue attributes = 3; }
    private static SpanEventRecord SpanEvent(ReadOnlySpan<byte> message)
    {
        ulong time = 0;
        var name = "";
        var attributes = new List<TelemetryAttribute>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.FieldNumber)
            {
                case 1: time = reader.ReadFixed64(); break;
                case 2: name = reader.ReadString(); break;
                case 3: attributes.Add(KeyValue(reader.ReadBytes())); break;
                default: reader.Skip(); break;
            }
        }

        return new SpanEventRecord(name, FromUnixNano(time), attributes);
    }

    // Status { string message = 2; StatusCode code = 3; }  STATUS_CODE_ERROR = 2
    private static (bool IsError, string? Message) Status(ReadOnlySpan<byte> message)
    {
        var code = 0UL;
        string? text = null;
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.FieldNumber)
            {
                case 2: text = reader.ReadString(); break;
                case 3: code = reader.ReadVarint(); break;
                default: reader.Skip(); break;
            }
        }

        return (code == 2, string.IsNullOrEmpty(text) ? null : text);
    }

    // ResourceLogs { Resource resource = 1; repeated ScopeLogs scope_logs = 2; }
    private static void ResourceLogs(ReadOnlySpan<byte> message, List<LogEntry> logs)
    {
        var source = ReadSource(message);
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            if (reader.FieldNumber == 2)
            {
                ScopeLogs(reader.ReadBytes(), source, logs);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    // ScopeLogs { InstrumentationScope scope = 1; repeated LogRecord log_records = 2; }
    private static void ScopeLogs(ReadOnlySpan<byte> message, TelemetrySource source, List<LogEntry> logs)
    {
        var scope = ReadScopeName(message);
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            if (reader.FieldNumber == 2)
            {
                logs.Add(LogRecord(reader.ReadBytes(), source, scope));
            }
            else
            {
                reader.Skip();
            }
        }
    }

    // LogRecord { fixed64 time_unix_nano = 1; SeverityNumber severity_number = 2; string severity_text = 3;
    //             AnyValue body = 5; repeated KeyValue attributes = 6; bytes trace_id = 9; bytes span_id = 10;
    //             fixed64 observed_time_unix_nano = 11; }
    private static LogEntry LogRecord(ReadOnlySpan<byte> message, TelemetrySource source, string scope)
    {
        ulong time = 0, observed = 0;
        var severity = 0;
        string? severityText = null, traceId = null, spanId = null;
        var body = "";
        var attributes = new List<TelemetryAttribute>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.FieldNumber)
            {
                case 1: time = reader.ReadFixed64(); break;
                case 2: severity = (int)reader.ReadVarint(); break;
                case 3: severityText = reader.ReadString(); break;
                case 5: body = AnyValue(reader.ReadBytes()); break;
                case 6: attributes.Add(KeyValue(reader.ReadBytes())); break;
                case 9: traceId = HexOrNull(reader.ReadBytes()); break;
                case 10: spanId = HexOrNull(reader.ReadBytes()); break;
                case 11: observed = reader.ReadFixed64(); break;
                default: reader.Skip(); break;
            }
        }

        // Levels by number, so that every exporter's logs filter the same way; the text only when there is no number.
        var level = severity > 0 || string.IsNullOrEmpty(severityText) ? LevelOf(severity) : severityText;
        return new LogEntry(0, FromUnixNano(time != 0 ? time : observed), source, scope, severity, level, body, traceId, spanId, attributes);
    }

    // ResourceMetrics { Resource resource = 1; repeated ScopeMetrics scope_metrics = 2; }
    private static void ResourceMetrics(ReadOnlySpan<byte> message, List<HistogramPoint> histograms, List<NumberPoint> numbers)
    {
        var source = ReadSource(message);
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            if (reader.FieldNumber == 2)
            {
                // ScopeMetrics { InstrumentationScope scope = 1; repeated Metric metrics = 2; }
                var scope = new ProtoReader(reader.ReadBytes());
                while (scope.Next())
                {
                    if (scope.FieldNumber == 2)
                    {
                        Metric(scope.ReadBytes(), source, histograms, numbers);
                    }
                    else
                    {
                        scope.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }
    }

    // Metric { string name = 1; string unit = 3; Gauge gauge = 5; Sum sum = 7; Histogram histogram = 9; }
    // Gauge { repeated NumberDataPoint data_points = 1; }
    // Sum / Histogram { repeated ... data_points = 1; AggregationTemporality aggregation_temporality = 2; }  DELTA = 1
    private static void Metric(ReadOnlySpan<byte> message, TelemetrySource source, List<HistogramPoint> histograms, List<NumberPoint> numbers)
    {
        string name = "", unit = "";
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.FieldNumber)
            {
                case 1: name = reader.ReadString(); break;
                case 3: unit = reader.ReadString(); break;
                default: reader.Skip(); break;
            }
        }

        reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.FieldNumber)
            {
                case 5 or 7:
                    var kind = reader.FieldNumber == 5 ? "gauge" : "sum";
                    var data = new ProtoReader(reader.ReadBytes());
                    while (data.Next())
                    {
                        if (data.FieldNumber == 1)
                        {
                            numbers.Add(NumberDataPoint(data.ReadBytes(), source, name, unit, kind));
                        }
                        else
                        {
                            data.Skip();
                        }
                    }

                    break;
                case 9:
                    var histogram = reader.ReadBytes();
                    var isDelta = false;
                    var header = new ProtoReader(histogram);
                    while (header.Next())
                    {
                        if (header.FieldNumber == 2)
                        {
                            isDelta = header.ReadVarint() == 1;
                        }
                        else
                        {
                            header.Skip();
                        }
                    }

                    var points = new ProtoReader(histogram);
                    while (points.Next())
                    {
                        if (points.FieldNumber == 1)
                        {
                            histograms.Add(HistogramDataPoint(points.ReadBytes(), source, name, unit, isDelta));
                        }
                        else
                        {
                            points.Skip();
                        }
                    }

                    break;
                default: reader.Skip(); break;
            }
        }
    }

    // NumberDataPoint { fixed64 time_unix_nano = 3; double as_double = 4; sfixed64 as_int = 6; repeated KeyValue attributes = 7; }
    private static NumberPoint NumberDataPoint(ReadOnlySpan<byte> message, TelemetrySource source, string name, string unit, string kind)
    {
        ulong time = 0;
        double value = 0;
        var attributes = new List<TelemetryAttribute>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.FieldNumber)
            {
                case 3: time = reader.ReadFixed64(); break;
                case 4: value = reader.ReadDouble(); break;
                case 6: value = (long)reader.ReadFixed64(); break;
                case 7: attributes.Add(KeyValue(reader.ReadBytes())); break;
                default: reader.Skip(); break;
            }
        }

        return new NumberPoint(source, name, unit, kind, SeriesKey(source, name, attributes), FromUnixNano(time), value);
    }

    // HistogramDataPoint { fixed64 start_time_unix_nano = 2; fixed64 time_unix_nano = 3; fixed64 count = 4; double sum = 5;
    //                      repeated fixed64 bucket_counts = 6; repeated double explicit_bounds = 7; repeated KeyValue attributes = 9; }
    private static HistogramPoint HistogramDataPoint(ReadOnlySpan<byte> message, TelemetrySource source, string name, string unit, bool isDelta)
    {
        ulong start = 0, time = 0, count = 0;
        double sum = 0;
        var buckets = new List<ulong>();
        var bounds = new List<double>();
        var attributes = new List<TelemetryAttribute>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.FieldNumber)
            {
                case 2: start = reader.ReadFixed64(); break;
                case 3: time = reader.ReadFixed64(); break;
                case 4: count = reader.ReadFixed64(); break;
                case 5: sum = reader.ReadDouble(); break;
                case 6: reader.ReadFixed64s(buckets); break;
                case 7: reader.ReadDoubles(bounds); break;
                case 9: attributes.Add(KeyValue(reader.ReadBytes())); break;
                default: reader.Skip(); break;
            }
        }

        return new HistogramPoint(source, name, unit, SeriesKey(source, name, attributes), isDelta,
            FromUnixNano(start), FromUnixNano(time), count, sum, bounds, buckets);
    }

    // Resource { repeated KeyValue attributes = 1; } inside the first field of ResourceSpans/Logs/Metrics.
    private static TelemetrySource ReadSource(ReadOnlySpan<byte> resourceContainer)
    {
        string service = "unknown_service", instance = "";
        var reader = new ProtoReader(resourceContainer);
        while (reader.Next())
        {
            if (reader.FieldNumber != 1)
            {
                reader.Skip();
                continue;
            }

            var resource = new ProtoReader(reader.ReadBytes());
            while (resource.Next())
            {
                if (resource.FieldNumber != 1)
                {
                    resource.Skip();
                    continue;
                }

                var attribute = KeyValue(resource.ReadBytes());
                if (attribute.Key == "service.name")
                {
                    service = attribute.Value;
                }
                else if (attribute.Key == "service.instance.id")
                {
                    instance = attribute.Value;
                }
            }
        }

        return new TelemetrySource(service, instance.Length > 0 ? instance : service);
    }

    // InstrumentationScope { string name = 1; } inside the first field of ScopeSpans/ScopeLogs.
    private static string ReadScopeName(ReadOnlySpan<byte> scopeContainer)
    {
        var reader = new ProtoReader(scopeContainer);
        while (reader.Next())
        {
            if (reader.FieldNumber != 1)
            {
                reader.Skip();
                continue;
            }

            var scope = new ProtoReader(reader.ReadBytes());
            while (scope.Next())
            {
                if (scope.FieldNumber == 1)
                {
                    return scope.ReadString();
                }

                scope.Skip();
            }
        }

        return "";
    }

    // KeyValue { string key = 1; AnyValue value = 2; }
    private static TelemetryAttribute KeyValue(ReadOnlySpan<byte> message)
    {
        string key = "", value = "";
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.FieldNumber)
            {
                case 1: key = reader.ReadString(); break;
                case 2: value = AnyValue(reader.ReadBytes()); break;
                default: reader.Skip(); break;
            }
        }

        return new TelemetryAttribute(key, value);
    }

    // AnyValue { oneof: string string_value = 1; bool bool_value = 2; int64 int_value = 3; double double_value = 4;
    //            ArrayValue array_value = 5; KeyValueList kvlist_value = 6; bytes bytes_value = 7; }
    // ArrayValue { repeated AnyValue values = 1; }  KeyValueList { repeated KeyValue values = 1; }
    private static string AnyValue(ReadOnlySpan<byte> message)
    {
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.FieldNumber)
            {
                case 1: return reader.ReadString();
                case 2: return reader.ReadVarint() != 0 ? "true" : "false";
                case 3: return ((long)reader.ReadVarint()).ToString(CultureInfo.InvariantCulture);
                case 4: return reader.ReadDouble().ToString(CultureInfo.InvariantCulture);
                case 5: return "[" + string.Join(", ", Repeated(reader.ReadBytes(), static m => AnyValue(m))) + "]";
                case 6: return "{" + string.Join(", ", Repeated(reader.ReadBytes(), static m => KeyValue(m) is var kv ? $"{kv.Key}: {kv.Value}" : "")) + "}";
                case 7: return Convert.ToBase64String(reader.ReadBytes());
                default: reader.Skip(); break;
            }
        }

        return "";
    }

    private static List<string> Repeated(ReadOnlySpan<byte> message, ElementReader read)
    {
        var values = new List<string>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            if (reader.FieldNumber == 1)
            {
                values.Add(read(reader.ReadBytes()));
            }
            else
            {
                reader.Skip();
            }
        }

        return values;
    }

    private delegate string ElementReader(ReadOnlySpan<byte> message);

    private static string SeriesKey(TelemetrySource source, string name, List<TelemetryAttribute> attributes) =>
        $"{source.Instance}|{name}|" + string.Join(',', attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));

    private static string? HexOrNull(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 0 || !bytes.ContainsAnyExcept((byte)0) ? null : Convert.ToHexStringLower(bytes);

    private static DateTimeOffset FromUnixNano(ulong nanos) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)Math.Min(nanos / 100, (ulong)(DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks));

    /// <summary>OTLP severity numbers come in groups of four: TRACE 1–4, DEBUG 5–8, INFO 9–12, WARN 13–16, ERROR 17–20, FATAL 21–24.</summary>
    public static string LevelOf(int severityNumber) => severityNumber switch
    {
        >= 21 => "Critical",
        >= 17 => "Error",
        >= 13 => "Warning",
        >= 9 => "Information",
        >= 5 => "Debug",
        >= 1 => "Trace",
        _ => "Unspecified",
    };
}
