using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orchestration.Dashboard.Telemetry;
using Orchestration.Hosting;

namespace Orchestration.Dashboard.Web;

/// <summary>The JSON the dashboard's page polls; also how tests read what the dashboard shows.</summary>
public static class DashboardApi
{
    private static readonly string[] Levels = ["Trace", "Debug", "Information", "Warning", "Error", "Critical"];

    public static void MapDashboardApi(this IEndpointRouteBuilder routes, DistributedApplication app, TimeProvider time)
    {
        var api = routes.MapGroup("/api");
        api.MapGet("/resources", () => TypedResults.Ok(Resources(app)));
        api.MapGet("/console/{replica}", Results<Ok<ConsoleView>, NotFound> (string replica, string? q, int? tail) =>
        {
            IReadOnlyList<string> lines;
            try
            {
                lines = replica == ConsoleView.AppHost ? app.GetEngineLogs() : app.GetConsoleLogs(replica);
            }
            catch (ArgumentException)
            {
                return TypedResults.NotFound();
            }

            var matching = string.IsNullOrEmpty(q) ? lines : lines.Where(l => l.Contains(q, StringComparison.OrdinalIgnoreCase)).ToArray();
            return TypedResults.Ok(new ConsoleView(replica, lines.Count, matching.Skip(Math.Max(0, matching.Count - (tail ?? 2000))).ToArray()));
        });
        api.MapGet("/traces", (string? service, bool? requests, int? limit) =>
            TypedResults.Ok(TraceSummary.Recent(app.Telemetry.Spans, service, requests ?? false, Math.Clamp(limit ?? 100, 1, 1000))));
        api.MapGet("/traces/{traceId}", Results<Ok<TraceView>, NotFound> (string traceId) =>
        {
            var spans = app.Telemetry.GetTrace(traceId.ToLowerInvariant());
            return spans.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(new TraceView(TraceSummary.Of(spans), spans));
        });
        api.MapGet("/logs", (string? service, string? level, string? q, string? traceId, int? limit) =>
        {
            var minimum = Math.Max(0, Array.FindIndex(Levels, l => l.Equals(level, StringComparison.OrdinalIgnoreCase)));
            var logs = app.Telemetry.Logs.Where(l =>
                (string.IsNullOrEmpty(service) || l.Source.Service == service)
                && Math.Max(0, Array.IndexOf(Levels, l.Level)) >= minimum
                && (string.IsNullOrEmpty(traceId) || l.TraceId == traceId)
                && (string.IsNullOrEmpty(q) || l.Message.Contains(q, StringComparison.OrdinalIgnoreCase) || l.Category.Contains(q, StringComparison.OrdinalIgnoreCase)))
                .ToArray();
            var take = Math.Clamp(limit ?? 500, 1, 10_000);
            return TypedResults.Ok(logs.Skip(Math.Max(0, logs.Length - take)).ToArray());
        });
        api.MapGet("/metrics/requests", (int? minutes) =>
            TypedResults.Ok(RequestMetrics.From(app.Telemetry.HistogramDeltas, time.GetUtcNow(), TimeSpan.FromMinutes(Math.Clamp(minutes ?? 5, 1, 60)), TimeSpan.FromSeconds(5))));
        api.MapGet("/services", () =>
            TypedResults.Ok(app.Resources.Select(r => r.Name)
                .Concat(app.Telemetry.Spans.Select(s => s.Source.Service))
                .Concat(app.Telemetry.Logs.Select(l => l.Source.Service))
                .Distinct().Order(StringComparer.Ordinal).ToArray()));
    }

    private static IReadOnlyList<ResourceView> Resources(DistributedApplication app)
    {
        var snapshots = app.ResourceNotifications.Snapshot();
        var endpoints = app.AllocatedEndpoints;
        return app.Resources.Select(resource =>
        {
            var replicas = endpoints?.ReplicasOf(resource) ?? [];
            return ResourceView.Of(resource, snapshots.Where(s => s.ResourceName == resource.Name).ToArray(), name =>
                replicas.FirstOrDefault(r => r.Name == name) is { } replica && endpoints is not null
                    ? ReplicaEnvironment.Masked(ReplicaEnvironment.Of(replica, endpoints))
                    : []);
        }).ToArray();
    }
}

public sealed record ConsoleView(string Replica, int Total, IReadOnlyList<string> Lines)
{
    /// <summary>The engine's own lines, shown as one more console.</summary>
    public const string AppHost = "apphost";
}

public sealed record TraceView(TraceSummary Summary, IReadOnlyList<SpanRecord> Spans);
