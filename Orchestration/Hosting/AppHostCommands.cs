using System.Globalization;

namespace Orchestration.Hosting;

/// <summary>
/// One-shot commands of the AppHost that print and exit instead of running the model:
/// <c>token &lt;userId&gt; [--minutes N]</c> prints a development JWT, and nothing else;
/// <c>--publisher manifest --output-path &lt;file&gt;</c> writes the Aspire deployment manifest.
/// </summary>
internal static class AppHostCommands
{
    public static async Task<bool> TryRunAsync(IReadOnlyList<string> args, IReadOnlyList<IResource> resources, TimeProvider time, TextWriter output, CancellationToken cancellationToken)
    {
        if (ValueOf(args, "--publisher") is { } publisher)
        {
            if (publisher != "manifest")
            {
                throw new Lifecycle.PrerequisiteException($"Unknown publisher '{publisher}': the only one is 'manifest'.");
            }

            var path = await ManifestPublisher.WriteAsync(resources, ValueOf(args, "--output-path") ?? "aspire-manifest.json", cancellationToken);
            output.WriteLine($"Wrote the deployment manifest to {path}");
            return true;
        }

        if (args.Count == 0 || args[0] != "token")
        {
            return false;
        }

        if (args.Count < 2 || args[1].StartsWith('-'))
        {
            throw new Lifecycle.PrerequisiteException("usage: dotnet run --project AppHost -- token <userId> [--minutes N]");
        }

        var issuer = resources.OfType<DevelopmentTokenIssuerResource>().FirstOrDefault()
            ?? throw new Lifecycle.PrerequisiteException("The app model declares no development token issuer (AddDevelopmentTokenIssuer).");
        var minutes = ValueOf(args, "--minutes") is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : 60;
        output.WriteLine(issuer.MintToken(args[1], time.GetUtcNow(), TimeSpan.FromMinutes(minutes)));
        return true;
    }

    private static string? ValueOf(IReadOnlyList<string> args, string option) =>
        args.SkipWhile(a => a != option).Skip(1).FirstOrDefault();
}
