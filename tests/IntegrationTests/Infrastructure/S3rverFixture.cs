using System.Diagnostics;
using System.Text.RegularExpressions;
using Amazon.Runtime;

namespace IntegrationTests.Infrastructure;

/// <summary>
/// A real local S3: s3rver 3.7.1 (installed by <c>eng/setup.sh</c> into <c>.tools/s3rver</c>) on a free port, storing
/// into a temporary folder, with one bucket. Disposing ends the process (and waits for it) and removes the folder.
/// </summary>
public sealed partial class S3rverFixture : IAsyncLifetime
{
    public const string Bucket = "audit-archive";

    private readonly string _directory = Directory.CreateTempSubdirectory("s3rver-").FullName;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;

    /// <summary><c>http://127.0.0.1:&lt;port&gt;</c>, once started.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>s3rver's fixed key pair: it checks every request's SigV4 signature against it.</summary>
    public static AWSCredentials Credentials { get; } = new BasicAWSCredentials("S3RVER", "S3RVER");

    public async Task InitializeAsync()
    {
        var script = Path.Combine(RepositoryRoot(), ".tools", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"s3rver is not installed ({script}): run eng/setup.sh.");
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { script, "--directory", _directory, "--address", "127.0.0.1", "--port", "0", "--configure-bucket", Bucket, "--silent" })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text && Listening().Match(text) is { Success: true } match)
            {
                _listening.TrySetResult(new Uri($"http://{match.Groups[1].Value}"));
            }
        };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        Endpoint = await _listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Aspire.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Aspire.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"S3rver listening on (\S+:\d+)")]
    private static partial Regex Listening();
}
