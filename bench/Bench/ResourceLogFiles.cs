using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bench;

/// <summary>
/// Every resource's console lines, each in a file of its own under <c>artifacts/bench/logs/&lt;model&gt;/</c>, rather than
/// interleaved with the figures on the bench's console, where Aspire.Hosting.Testing forwards them: thousands of
/// lines a run, read only when something went wrong.
/// </summary>
internal static class ResourceLogFiles
{
    /// <summary>
    /// Keeps off the console the resources' lines, and what fails by design while resources start: their health checks,
    /// and the retries of the probes behind them (Aspire.Hosting.Testing gives every HttpClient a retrying handler).
    /// </summary>
    public static void KeepOffTheConsole(IDistributedApplicationTestingBuilder builder) =>
        builder.Services.AddLogging(logging => logging
            .AddFilter($"{builder.Environment.ApplicationName}.Resources", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("Polly", LogLevel.Error));

    /// <summary>Copies each resource's lines so far, and those to come until the app stops, into its file.</summary>
    public static void CopyToFiles(DistributedApplication app, string modelName)
    {
        var directory = Path.Combine(BenchReport.RepositoryRoot(), "artifacts", "bench", "logs", modelName);
        Directory.CreateDirectory(directory);
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        foreach (var resource in app.Services.GetRequiredService<DistributedApplicationModel>().Resources)
        {
            _ = CopyAsync(logs.WatchAsync(resource), Path.Combine(directory, resource.Name + ".log"), stopping);
        }

        Console.WriteLine($"  resource logs: {Path.GetRelativePath(BenchReport.RepositoryRoot(), directory)}/");
    }

    private static async Task CopyAsync(IAsyncEnumerable<IReadOnlyList<LogLine>> lines, string path, CancellationToken cancellationToken)
    {
        StreamWriter? file = null; // created with the first line: resources that write nothing get no file
        try
        {
            await foreach (var batch in lines.WithCancellation(cancellationToken))
            {
                file ??= new StreamWriter(path, append: false);
                foreach (var line in batch)
                {
                    await file.WriteLineAsync(line.Content);
                }

                await file.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the app is stopping: what its resources wrote is in the file
        }
        finally
        {
            if (file is not null)
            {
                await file.DisposeAsync();
            }
        }
    }
}
