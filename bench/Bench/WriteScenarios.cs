using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Bench;

/// <summary>
/// Scenarios 4, 3, 2 and 5: write→event, payments and add-item beside raw transactions, a mixed run with a spike. Each
/// runs on a platform of its own (a fresh DynamoDB Local): DynamoDB Local's cost per transaction grows with what
/// earlier scenarios wrote, so sharing one would make a scenario's figures depend on the order.
/// </summary>
internal static class WriteScenarios
{
    private static readonly TimeSpan P95Target = TimeSpan.FromMilliseconds(500);

    /// <summary>The scenarios of this group, in the order they run.</summary>
    public static readonly string[] Names = ["events", "payments", "add-item", "mixed"];

    public static async Task<string[]> RunAsync(BenchSettings settings, IReadOnlySet<string> selected, CancellationToken cancellationToken)
    {
        var sections = new List<string>();
        foreach (var name in Names.Where(selected.Contains))
        {
            await using var platform = await Apps.StartPlatformAsync(settings.Experiment, cancellationToken);
            using var gateway = Apps.LoadClient(platform.HttpEndpoint("gateway"));
            using var dynamodb = new AmazonDynamoDBClient(
                new BasicAWSCredentials("local", "local"),
                new AmazonDynamoDBConfig { ServiceURL = platform.HttpEndpoint("dynamodb").ToString(), AuthenticationRegion = "us-east-1" });
            var raw = new RawTransactions(dynamodb);
            var cpu = CpuMeter.For(platform);
            sections.Add(name switch
            {
                "events" => await EventsScenario.RunAsync(platform, dynamodb, settings, cancellationToken),
                "payments" => await PaymentsAsync(platform, gateway, raw, cpu, settings, cancellationToken),
                "add-item" => await AddItemAsync(gateway, raw, cpu, settings, cancellationToken),
                _ => await MixedAsync(gateway, settings, cancellationToken),
            });
        }

        return [.. sections];
    }

    private static async Task<string> AddItemAsync(HttpClient gateway, RawTransactions raw, CpuMeter cpu, BenchSettings settings, CancellationToken cancellationToken)
    {
        Console.WriteLine("Scenario 2: add-item through the gateway vs raw TransactWriteItems of the same shape");
        var carts = await GuestCart.CreateAsync(gateway, 200, cancellationToken);
        var rawCarts = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid().ToString("N")).ToArray();
        var (system, baseline) = await OpenLoopLoad.FindCapacitiesSideBySideAsync(
            new LoadTarget("gateway POST /carts/{id}/items", (i, ct) => carts[i % carts.Length].AddItemAsync(gateway, i, ct)),
            new LoadTarget("raw TransactWriteItems (3 items)", (i, ct) => raw.AddItemAsync(rawCarts[i % rawCarts.Length], i, ct)),
            settings.WriteRates, settings.StepDuration, P95Target, cpu, cancellationToken);
        return Summarize("## 2. Add item", "`POST /carts/{id}/items` (qty += 1, a fresh Idempotency-Key each time, 200 guest carts) through the gateway, beside a plain client sending DynamoDB Local the same 3-item `TransactWriteItems` (cart header, line, idempotency record).", system, baseline, 0.9);
    }

    private static async Task<string> PaymentsAsync(DistributedApplication platform, HttpClient gateway, RawTransactions raw, CpuMeter cpu, BenchSettings settings, CancellationToken cancellationToken)
    {
        Console.WriteLine("Scenario 3: POST /payments through the gateway vs raw TransactWriteItems of the same shape");
        var issuer = platform.TokenIssuer();
        var payers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async n =>
        {
            var token = issuer.MintToken($"bench-payer-{n}-{Guid.NewGuid():N}", DateTimeOffset.UtcNow, TimeSpan.FromHours(2));
            var account = await SendAsync(gateway, HttpMethod.Post, "/accounts", token, new { currency = "EUR" }, cancellationToken);
            var accountId = account.GetProperty("accountId").GetString()!;
            await SendAsync(gateway, HttpMethod.Post, $"/accounts/{accountId}/deposits", token, new { amount = 1_000_000_000L, currency = "EUR" }, cancellationToken);
            return (Token: token, AccountId: accountId);
        }));
        var rawAccounts = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid().ToString("N")).ToArray();
        await Task.WhenAll(rawAccounts.Select(a => raw.OpenAccountAsync(a, cancellationToken)));
        var (system, baseline) = await OpenLoopLoad.FindCapacitiesSideBySideAsync(
            new LoadTarget("gateway POST /payments", async (i, ct) =>
            {
                var (token, accountId) = payers[i % payers.Length];
                using var request = Request(HttpMethod.Post, "/payments", token, new { accountId, amount = 1, currency = "EUR", merchantId = "bench-merchant" });
                using var response = await gateway.SendAsync(request, ct);
                return response.IsSuccessStatusCode;
            }),
            new LoadTarget("raw TransactWriteItems (4 items)", (i, ct) => raw.PayAsync(rawAccounts[i % rawAccounts.Length], ct)),
            settings.WriteRates, settings.StepDuration, P95Target, cpu, cancellationToken);
        return Summarize("## 3. Payment", "`POST /payments` (amount 1, a fresh Idempotency-Key each time, 20 funded accounts of 20 users) through the gateway, beside a plain client sending DynamoDB Local the same 4-item `TransactWriteItems` (idempotency record, conditional debit, TXN with GSI keys, AUDIT).", system, baseline, 0.9);
    }

    private static async Task<string> MixedAsync(HttpClient gateway, BenchSettings settings, CancellationToken cancellationToken)
    {
        var rate = settings.MixedRate;
        Console.WriteLine($"Scenario 5: 60/40 reads/writes at {rate}/s with a x3 spike");
        var carts = await GuestCart.CreateAsync(gateway, 200, cancellationToken);
        foreach (var cart in carts)
        {
            await cart.AddItemAsync(gateway, 0, cancellationToken);
        }

        // The platform is healthy but cold: .NET's and DynamoDB Local's JITs compile under the first seconds of load, which
        // alone pushed p95 to 0.6–0.9 s at 100 req/s and, run straight into the spike, made it collapse. The first phase
        // shows that; the others a warm platform.
        var phases = new[]
        {
            new LoadPhase("warm-up (cold platform)", rate, settings.StepDuration * 2),
            new LoadPhase("steady", rate, settings.StepDuration),
            new LoadPhase("spike x3", rate * 3, settings.StepDuration / 2),
            new LoadPhase("after the spike", rate, settings.StepDuration),
        };
        var results = await OpenLoopLoad.RunPhasesAsync(phases, (i, ct) =>
        {
            var cart = carts[i % carts.Length];
            return i % 5 < 3 ? cart.ReadAsync(gateway, ct) : cart.AddItemAsync(gateway, i, ct);
        }, cancellationToken);
        foreach (var result in results)
        {
            Console.WriteLine($"  {result}");
        }

        var text = new StringBuilder()
            .AppendLine("## 5. Mixed reads and writes with a spike")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"60 % cached cart reads and 40 % add-items over 200 carts, offered open loop at {rate:0} req/s, then three times that for half as long, then back. The first row is the same load on the platform just started (healthy, not yet warm: the JIT of both runtimes is still compiling). Latency counts from when each request was due, so queueing during the spike shows.")
            .AppendLine()
            .AppendLine(BenchReport.Table(results));
        Console.WriteLine(text);
        return text.ToString().TrimEnd();
    }

    private static string Summarize(string title, string description, IReadOnlyList<LoadResult> system, IReadOnlyList<LoadResult> baseline, double target)
    {
        var comparison = new CapacityComparison(system, baseline, P95Target);
        var met = comparison.Ratio >= target && !comparison.BaselineUnsaturated;
        var text = new StringBuilder()
            .AppendLine(title)
            .AppendLine()
            .AppendLine(description + " The two ladders are interleaved (the service, then the raw transaction, at each rate), so both meet the same database; each rises until p95 passes 500 ms, errors pass 1 % or it falls behind, twice at the same rate (a step that breaks the target is run once more, on both sides).")
            .AppendLine()
            .AppendLine(BenchReport.Table(system.Concat(baseline)))
            .AppendLine()
            .AppendLine(comparison.Headline("raw") + " of the raw rate")
            .AppendLine(CultureInfo.InvariantCulture, $"- target: ≥ {target:P0} of the raw DynamoDB Local rate of the same shape — {(met ? "met" : "**not met**")}")
            .AppendLine()
            .AppendLine(comparison.CpuTables());
        Console.WriteLine(text);
        return text.ToString().TrimEnd();
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token, object body, string? key = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        return request;
    }

    /// <summary>An arranging request (<see cref="Arrangement"/>): one Idempotency-Key for all its attempts.</summary>
    private static async Task<JsonElement> SendAsync(HttpClient gateway, HttpMethod method, string path, string token, object body, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString("N");
        using var response = await Arrangement.SendAsync(gateway, () => Request(method, path, token, body, key), cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }
}
