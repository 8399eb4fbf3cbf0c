using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntegrationTests.Manifest;

/// <summary>
/// The AppHost's manifest, published once per test class the way azd asks for it:
/// <c>dotnet run --project AppHost -- --publisher manifest --output-path …</c> (Aspire's own publisher).
/// </summary>
public sealed class PublishedManifest : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}");

    public string OutputPath => Path.Combine(_folder, "aspire-manifest.json");

    /// <summary>The manifest as written.</summary>
    public string Text { get; private set; } = "";

    public JsonNode Json { get; private set; } = null!;

    /// <summary>The repository root (where <c>Aspire.sln</c> is).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public async Task InitializeAsync()
    {
        await using var run = AppHostRun.Start(["--publisher", "manifest", "--output-path", OutputPath]);
        Assert.True(await run.WaitForExitAsync(TimeSpan.FromMinutes(2)), string.Join(Environment.NewLine, run.Output.TakeLast(20)));
        Assert.True(run.ExitCode == 0, string.Join(Environment.NewLine, run.Output.TakeLast(20)));
        Text = await File.ReadAllTextAsync(OutputPath);
        Json = JsonNode.Parse(Text)!;
    }

    /// <summary>
    /// The manifest as the golden file holds it: project paths relative to the repository root instead of to the
    /// output folder (which is temporary), indented, <c>\n</c> line ends.
    /// </summary>
    public string Normalized()
    {
        var copy = JsonNode.Parse(Text)!;
        foreach (var (_, resource) in copy["resources"]!.AsObject())
        {
            if (resource?["path"] is JsonValue path)
            {
                var full = Path.GetFullPath(Path.Combine(_folder, (string)path!));
                resource["path"] = Path.GetRelativePath(RepositoryRoot, full).Replace('\\', '/');
            }
        }

        return copy.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static string FindRepositoryRoot()
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
}
