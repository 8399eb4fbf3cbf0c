using System.Collections.Concurrent;
using System.Diagnostics;
using IntegrationTests.Contract.HostileInput;
using Xunit.Abstractions;

namespace IntegrationTests.Contract;

/// <summary>
/// DESIGN §3 for every operation of the committed OpenAPI documents: hostile input built from each operation's own
/// document (<see cref="HostileVariants"/>), sent through the gateway by a caller allowed to call it, is answered with a
/// status the operation declares — an error as a problem whose code the document lists for it, never a 5xx — and a
/// refused request changes nothing the caller can read. Every breach is collected and reported at once, each with the
/// operation, the variant, the request as sent and the answer.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class HostileInputSweepTests(PlatformFixture platform, ITestOutputHelper output)
{
    /// <summary>The seed of the random strings; a failure report names the seed of its variant.</summary>
    private const int Seed = 20261201;

    [Fact]
    public async Task Every_operation_answers_hostile_input_with_a_declared_problem_and_a_refusal_changes_nothing()
    {
        var sweeps = new[] { "cart-api", "payments-api" }
            .SelectMany(service => ContractOperations.Read(service, CommittedOpenApiDocuments.PathOf(service)))
            .SelectMany(operation => operation.AcceptsGuests ? new[] { (operation, AsGuest: true), (operation, AsGuest: false) } : [(operation, AsGuest: false)])
            .Select((sweep, ordinal) => (sweep.operation, sweep.AsGuest, ordinal))
            .ToList();
        var failures = new ConcurrentBag<string>();
        var answered = new ConcurrentBag<string>();
        var sent = 0;
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(sweeps, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (sweep, cancellationToken) =>
        {
            var statuses = await SweepAsync(sweep.operation, sweep.AsGuest, sweep.ordinal, failures, cancellationToken);
            Interlocked.Add(ref sent, statuses.Count);
            answered.Add($"{sweep.operation.Id} as the {(sweep.AsGuest ? "guest" : "user")}: {statuses.Count} variants, "
                + string.Join(" ", statuses.GroupBy(status => status).OrderBy(group => group.Key).Select(group => $"{group.Key}×{group.Count()}")));
        });

        foreach (var line in answered.Order(StringComparer.Ordinal))
        {
            output.WriteLine(line);
        }

        output.WriteLine($"{sweeps.Count} operation sweeps ({sweeps.Select(s => s.operation.Id).Distinct().Count()} operations), {sent} hostile requests, {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.IsEmpty, $"{failures.Count} answers break the contract:\n" + string.Join("\n\n", failures.Order(StringComparer.Ordinal)));
    }

    /// <summary>
    /// Sends every variant of the operation; the statuses it got (0: no answer). A removal that was accepted leaves
    /// nothing for the variants after it to address, so they go on with a fresh world (the same variants, built again
    /// from its resources).
    /// </summary>
    private async Task<List<int>> SweepAsync(ContractOperation operation, bool asGuest, int ordinal, ConcurrentBag<string> failures, CancellationToken cancellationToken)
    {
        var world = await SweepWorld.CreateAsync(platform, asGuest, ordinal, cancellationToken);
        try
        {
            var caller = asGuest ? "guest device" : "signed-in user";
            List<HostileRequest> VariantsOf(SweepWorld resources) =>
                [.. new HostileVariants(operation, resources.Arguments, () => $"sweep-{Guid.NewGuid():N}", Seed + ordinal).All()];
            var variants = VariantsOf(world);
            var witness = operation.Mutates ? await world.WitnessAsync(cancellationToken) : "";

            var statuses = new List<int>();
            for (var i = 0; i < variants.Count; i++)
            {
                var variant = variants[i];
                var report = $"{operation} as the {caller}, variant \"{variant.Variant}\":\n  sent     {variant}";
                var status = 0;
                try
                {
                    using var message = variant.ToMessage();
                    using var response = await world.Caller.SendAsync(message, cancellationToken);
                    var body = await response.Content.ReadAsStringAsync(cancellationToken);
                    status = (int)response.StatusCode;
                    var answer = $"{status} {response.Content.Headers.ContentType?.ToString() ?? "(no Content-Type)"} {HostileRequest.Shown(body, 300)}";
                    if (ContractAnswers.Breach(operation, variant, status, response.Content.Headers.ContentType, body) is { } breach)
                    {
                        failures.Add($"{report}\n  answered {answer}\n  breach   {breach}");
                    }

                    if (operation.Mutates)
                    {
                        var after = await world.WitnessAsync(cancellationToken);
                        if (status >= 400 && after != witness)
                        {
                            failures.Add($"{report}\n  answered {answer}\n  breach   refused, yet it changed {FirstDifference(witness, after)}");
                        }

                        witness = after;
                    }
                }
                catch (HttpRequestException exception)
                {
                    failures.Add($"{report}\n  no answer: {exception.Message} {exception.InnerException?.Message}");
                }

                statuses.Add(status);
                if (operation.Method == HttpMethod.Delete && status is >= 200 and < 300 && i < variants.Count - 1)
                {
                    world.Dispose();
                    world = await SweepWorld.CreateAsync(platform, asGuest, ordinal, cancellationToken);
                    variants = VariantsOf(world);
                    witness = await world.WitnessAsync(cancellationToken);
                }
            }

            return statuses;
        }
        finally
        {
            world.Dispose();
        }
    }

    private static string FirstDifference(string before, string after)
    {
        var (was, now) = before.Split('\n').Zip(after.Split('\n')).First(pair => pair.First != pair.Second);
        return $"\n    before {HostileRequest.Shown(was, 400)}\n    after  {HostileRequest.Shown(now, 400)}";
    }
}
