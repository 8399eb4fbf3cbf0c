namespace Orchestration.Dashboard.Telemetry;

/// <summary>One line of the traces list: the root span, the services the trace touched, its duration and whether it failed.</summary>
public sealed record TraceSummary(
    string TraceId, string RootName, string RootService, string RootKind, DateTimeOffset Start, double DurationMs, int SpanCount, bool HasError, IReadOnlyList<string> Services)
{
    /// <summary>
    /// The latest traces, newest first. <paramref name="requestsOnly"/> keeps those that began with an incoming request
    /// (a Server root span): the events worker's stream polling starts a trace of its own several times a second.
    /// </summary>
    public static IReadOnlyList<TraceSummary> Recent(IEnumerable<SpanRecord> spans, string? service, bool requestsOnly, int limit) =>
        spans.GroupBy(s => s.TraceId)
            .Select(Of)
            .Where(t => (string.IsNullOrEmpty(service) || t.Services.Contains(service)) && (!requestsOnly || t.RootKind == "Server"))
            .OrderByDescending(t => t.Start)
            .Take(limit)
            .ToArray();

    public static TraceSummary Of(IEnumerable<SpanRecord> trace)
    {
        var spans = trace.ToArray();
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        // The root is the span without a parent; when it has not arrived yet, the earliest span whose parent is missing.
        var root = spans.Where(s => s.ParentSpanId is null).MinBy(s => s.Start)
            ?? spans.Where(s => !ids.Contains(s.ParentSpanId!)).MinBy(s => s.Start)
            ?? spans.MinBy(s => s.Start)!;
        var start = spans.Min(s => s.Start);
        var end = spans.Max(s => s.End);
        var services = spans.OrderBy(s => s.Start).Select(s => s.Source.Service).Distinct().ToArray();
        return new TraceSummary(root.TraceId, root.Name, root.Source.Service, root.Kind, start, (end - start).TotalMilliseconds, spans.Length, spans.Any(s => s.IsError), services);
    }
}
