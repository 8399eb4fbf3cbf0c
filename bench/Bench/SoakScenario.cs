using System.Globalization;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using HostingIntegrations.Replicas;

namespace Bench;

/// <summary>
/// <c>soak [--duration 00:30:00]</c>: the system under steady mixed load for a long time (a day is
/// <c>--duration 24:00:00</c>), every resource's memory sampled every 30 s; the report (per resource RSS at start and
/// end, growth, answers by status, expired-cart reads, retries the services logged) replaces the figures of the
/// <c>## Soak</c> section of <c>docs/resilience.md</c>. Not part of the default run.
/// </summary>
internal static class SoakScenario
{
    public static async Task RunAsync(SoakSettings settings, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Soak: {settings.Rate:0} req/s for {settings.Duration}, guest carts living {settings.GuestLifetime}");
        await using var platform = await Apps.StartPlatformAsync([], cancellationToken, builder =>
        {
            foreach (var replica in builder.Resources.OfType<ReplicaSetResource>().Single(r => r.Name == "cart-api").Replicas)
            {
                builder.CreateResourceBuilder((ProjectResource)replica.Resource).WithEnvironment("Carts__GuestCartLifetime", settings.GuestLifetime.ToString("c", CultureInfo.InvariantCulture));
            }
        });
        using var gateway = Apps.LoadClient(platform.HttpEndpoint("gateway"));
        var shoppers = new SoakShoppers(gateway, settings.GuestLifetime);
        await shoppers.FillAsync(cancellationToken);
        await OpenLoopLoad.RunAsync("warm-up", settings.Rate, SoakSettings.WarmUp, shoppers.SendAsync, cancellationToken);

        var memory = new MemorySampler(platform);
        memory.Take();
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = memory.RunAsync(SoakSettings.SampleEvery, sampling.Token);
        var stretches = new List<LoadResult>();
        var clock = Stopwatch.StartNew();
        // Whole stretches by count, not by the clock: a leftover of a few milliseconds would be a stretch with no request.
        var count = (int)Math.Ceiling(settings.Duration / SoakSettings.Stretch);
        for (var i = 0; i < count; i++)
        {
            var length = i < count - 1 ? SoakSettings.Stretch : settings.Duration - (SoakSettings.Stretch * i);
            var stretch = await OpenLoopLoad.RunAsync($"minute {stretches.Count + 1}", settings.Rate, length, shoppers.SendAsync, cancellationToken);
            stretches.Add(stretch);
            Console.WriteLine($"  {stretch}");
        }

        await sampling.CancelAsync();
        await sampler;
        memory.Take();
        var report = SoakReport.Describe(settings, clock.Elapsed, stretches, memory.Samples, shoppers.Answers, RetriesLogged(platform));
        Console.WriteLine(report);
        var path = await SoakReport.WriteAsync(report, cancellationToken);
        Console.WriteLine($"Results written to {path}");
    }

    /// <summary>
    /// Retries each resource logged: the standard resilience handler's <c>OnRetry</c> events (service to service, and
    /// the canary's) and Cart.Api's write back-offs, counted in the console lines the bench keeps per resource.
    /// </summary>
    private static IReadOnlyDictionary<string, int> RetriesLogged(DistributedApplication platform)
    {
        var directory = Path.Combine(BenchReport.RepositoryRoot(), "artifacts", "bench", "logs", "platform");
        return platform.Model().Resources.OfType<ProjectResource>()
            .Select(resource => (resource.Name, Path: Path.Combine(directory, resource.Name + ".log")))
            .Where(log => File.Exists(log.Path))
            .ToDictionary(log => log.Name, log => ReadShared(log.Path).Count(line =>
                line.Contains("'OnRetry'", StringComparison.Ordinal) || line.Contains("backing off", StringComparison.Ordinal)));
    }

    // The copy into the file is still open for writing.
    private static IEnumerable<string> ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
