using System.Globalization;

namespace Orchestration.Hosting;

/// <summary>
/// One-shot commands of the AppHost that print and exit instead of running the model:
/// <c>token &lt;userId&gt; [--minutes N]</c> prints a development JWT, and nothing else.
/// </summary>
internal static class AppHostCommands
{
    public static bool TryRun(IReadOnlyList<string> args, IReadOnlyList<IResource> resources, TimeProvider time, TextWriter output)
    {
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
        var minutes = args.SkipWhile(a => a != "--minutes").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(60);
        output.WriteLine(issuer.MintToken(args[1], time.GetUtcNow(), TimeSpan.FromMinutes(minutes)));
        return true;
    }
}
