using Microsoft.AspNetCore.Http;

namespace Orchestration.Dashboard.Web;

/// <summary>The page, script and stylesheet, embedded in the assembly: the dashboard works with no internet and no files on disk.</summary>
public sealed class DashboardAssets
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public DashboardAssets()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        foreach (var name in new[] { "index.html", "app.js", "app.css" })
        {
            using var stream = assembly.GetManifestResourceStream("Dashboard." + name)
                ?? throw new InvalidOperationException($"The dashboard asset {name} is not embedded.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            _files[name] = copy.ToArray();
        }
    }

    public IResult Serve(string name) => TypedResults.Bytes(_files[name], name switch
    {
        "app.js" => "text/javascript; charset=utf-8",
        "app.css" => "text/css; charset=utf-8",
        _ => "text/html; charset=utf-8",
    });
}
