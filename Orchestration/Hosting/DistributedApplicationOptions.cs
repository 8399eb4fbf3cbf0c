using Orchestration.Dashboard;

namespace Orchestration.Hosting;

/// <summary>How the engine runs the model; the testing builder changes these.</summary>
public sealed class DistributedApplicationOptions
{
    /// <summary>The AppHost project's folder: relative paths and the repository's tools folder are found from it.</summary>
    public required string AppHostDirectory { get; init; }

    /// <summary>Development locally; passed to the services as <c>ASPNETCORE_ENVIRONMENT</c>/<c>DOTNET_ENVIRONMENT</c>.</summary>
    public string EnvironmentName { get; set; } = "Development";

    /// <summary>Ignore fixed ports (the gateway's) and allocate free ones: tests run beside a developer's AppHost.</summary>
    public bool RandomizePorts { get; set; }

    /// <summary>Echo every resource's console output to this process's console, prefixed with the replica name.</summary>
    public bool EchoResourceOutput { get; set; } = true;

    /// <summary>Print the resource table and the healthy line.</summary>
    public bool PrintSummary { get; set; } = true;

    /// <summary>How long a stopping resource gets between SIGTERM and SIGKILL.</summary>
    /// <summary>Where the services send OTLP telemetry; null sends none.</summary>
    public string? OtlpEndpoint { get; set; }

    public string OtlpProtocol { get; set; } = "http/protobuf";

    /// <summary>The dashboard hosted in the AppHost; when on, <see cref="OtlpEndpoint"/> defaults to its OTLP receiver.</summary>
    public DashboardOptions Dashboard { get; } = new();

    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The repository root: the nearest folder above the AppHost that holds <c>Aspire.sln</c>.</summary>
    public string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppHostDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Aspire.sln")))
                {
                    return dir.FullName;
                }
            }

            return AppHostDirectory;
        }
    }
}
