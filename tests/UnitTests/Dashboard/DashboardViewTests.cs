using Orchestration.Dashboard.Telemetry;
using Orchestration.Dashboard.Web;

namespace UnitTests.Dashboard;

public sealed class DashboardViewTests
{
    [Fact]
    public void Secrets_are_masked_by_name_and_wherever_their_value_is_repeated()
    {
        var masked = ReplicaEnvironment.Masked(new Dictionary<string, string>
        {
            ["Authentication__Schemes__Bearer__SigningKeys__0__Value"] = "c2VjcmV0",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
            ["Redis__Password"] = "p",
            ["Api__Token"] = "t",
            ["COPY_OF_THE_KEY_VALUE"] = "c2VjcmV0",
            ["Some__Setting"] = "c2VjcmV0-not-the-same",
            ["OTEL_SERVICE_NAME"] = "cart-api",
        }).ToDictionary(v => v.Name);

        Assert.All(new[] { "Authentication__Schemes__Bearer__SigningKeys__0__Value", "AWS_SECRET_ACCESS_KEY", "Redis__Password", "Api__Token", "COPY_OF_THE_KEY_VALUE" },
            name => Assert.Equal(ReplicaEnvironment.Mask, masked[name].Value));
        Assert.Equal("cart-api", masked["OTEL_SERVICE_NAME"].Value);
        Assert.False(masked["Some__Setting"].Masked);
    }

    [Fact]
    public void A_trace_summary_names_its_root_and_lists_the_services_in_order_of_appearance()
    {
        var t0 = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        SpanRecord Span(string id, string? parent, string service, int startMs, int endMs, bool error = false) =>
            new("t1", id, parent, "span " + id, "Server", new(service, service), "", t0.AddMilliseconds(startMs), t0.AddMilliseconds(endMs), error, null, [], []);

        var summary = TraceSummary.Of([Span("c", "b", "payments-api", 5, 20, error: true), Span("a", null, "gateway", 0, 40), Span("b", "a", "cart-api", 2, 30)]);

        Assert.Equal("span a", summary.RootName);
        Assert.Equal("Server", summary.RootKind);
        Assert.Equal(["gateway", "cart-api", "payments-api"], summary.Services);
        Assert.Equal(40, summary.DurationMs);
        Assert.True(summary.HasError);
        Assert.Equal(3, summary.SpanCount);
    }

    [Fact]
    public void The_store_keeps_only_the_most_recent_records()
    {
        var store = new TelemetryStore(spanCapacity: 2, logCapacity: 2);
        var source = new TelemetrySource("s", "s");
        store.AddLogs([.. Enumerable.Range(1, 3).Select(i => new LogEntry(0, DateTimeOffset.UnixEpoch, source, "c", 9, "Information", $"m{i}", null, null, []))]);

        Assert.Equal(["m2", "m3"], store.Logs.Select(l => l.Message));
        Assert.Equal([2L, 3L], store.Logs.Select(l => l.Sequence));
    }
}
