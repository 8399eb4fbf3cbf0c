namespace Orchestration.Dashboard;

/// <summary>Where the AppHost's dashboard listens (loopback only). The testing builder moves both to free ports.</summary>
public sealed class DashboardOptions
{
    /// <summary>Off: no dashboard, and the services export no telemetry.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The browser UI, <c>http://localhost:18888</c> as in Aspire.</summary>
    public int Port { get; set; } = 18888;

    /// <summary>The OTLP/HTTP receiver (<c>/v1/traces</c>, <c>/v1/logs</c>, <c>/v1/metrics</c>), 18890 as in Aspire.</summary>
    public int OtlpHttpPort { get; set; } = 18890;

    /// <summary>Free ports instead of the fixed ones (tests beside a developer's AppHost).</summary>
    public bool RandomizePorts { get; set; }
}
