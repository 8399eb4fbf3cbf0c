using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Bench.Resilience;

/// <summary>One integrity check: passed or not, with what it found.</summary>
internal sealed record CheckResult(string Name, bool Passed, string Summary, IReadOnlyList<string> Findings);

/// <summary>
/// After the faults (and every write settled): no lost or duplicated cart line, every ledger consistent with its
/// statement and charged once per key, and every accepted write's CloudEvent published.
/// </summary>
internal sealed class IntegrityChecks(HttpClient gateway, IAmazonDynamoDB dynamodb, IReadOnlyList<GuestCart> carts, IReadOnlyList<Payer> payers, IReadOnlyList<WriteRecord> writes, PublishedEventLog events)
{
    private const int Shown = 10;

    public async Task<IReadOnlyList<CheckResult>> RunAsync(CancellationToken cancellationToken)
    {
        var undecided = writes.Where(w => !w.Definite).ToList();
        var lines = await CartLinesAsync(cancellationToken);
        return
        [
            new("every write answered", undecided.Count == 0, $"{writes.Count} writes, {undecided.Count} without a definite answer after settling",
                [.. undecided.Take(Shown).Select(w => $"{w.Kind} key {w.Key} on {w.Target}: last status {Status(w.Status)}")]),
            lines,
            await LedgersAsync(cancellationToken),
            await EventsAsync(cancellationToken),
        ];
    }

    /// <summary>Each cart line holds exactly as many units as adds that got a 2xx, in the table and through the API.</summary>
    private async Task<CheckResult> CartLinesAsync(CancellationToken cancellationToken)
    {
        var expected = writes.Where(w => w.Kind == WriteKind.CartAdd && w.Accepted).CountBy(w => (w.Target, w.Sku!)).ToDictionary();
        var findings = new List<string>();
        long units = 0;
        foreach (var cart in carts)
        {
            var table = await TableLinesAsync(cart.CartId, cancellationToken);
            var api = await ApiLinesAsync(cart, cancellationToken);
            foreach (var sku in table.Keys.Union(api.Keys).Union(expected.Keys.Where(k => k.Target == cart.CartId).Select(k => k.Item2)).Order(StringComparer.Ordinal))
            {
                var want = expected.GetValueOrDefault((cart.CartId, sku));
                var stored = table.GetValueOrDefault(sku);
                var served = api.GetValueOrDefault(sku);
                units += stored;
                if (want != stored || want != served)
                {
                    findings.Add($"cart {cart.CartId} {sku}: {want} adds accepted, table holds {stored}, GET /carts serves {served}");
                }
            }
        }

        return new("cart lines = accepted adds", findings.Count == 0,
            $"{carts.Count} carts, {units} units in the table, {expected.Values.Sum()} adds accepted; {findings.Count} lines differ", [.. findings.Take(Shown)]);
    }

    /// <summary>Each balance is the sum of its statement, and each key moved money once — and only keys that got a 2xx.</summary>
    private async Task<CheckResult> LedgersAsync(CancellationToken cancellationToken)
    {
        var findings = new List<string>();
        var movements = 0;
        foreach (var payer in payers)
        {
            var account = await GetJsonAsync(() => payer.Authorized(HttpMethod.Get, $"/accounts/{payer.AccountId}"), cancellationToken);
            var balance = account.GetProperty("balance").GetInt64();
            var statement = await StatementAsync(payer, cancellationToken);
            movements += statement.Count;
            var sum = statement.Sum(t => t.GetProperty("direction").GetString() == "CREDIT" ? t.GetProperty("amount").GetInt64() : -t.GetProperty("amount").GetInt64());
            if (sum != balance)
            {
                findings.Add($"account {payer.AccountId}: balance {balance}, statement sums to {sum}");
            }

            var accepted = writes.Where(w => w.Target == payer.AccountId && w.Accepted).ToDictionary(w => w.Key);
            var byKey = statement.GroupBy(t => t.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "").ToDictionary(g => g.Key, g => g.ToList());
            foreach (var (key, group) in byKey)
            {
                if (group.Count > 1)
                {
                    findings.Add($"account {payer.AccountId}: key {key} moved money {group.Count} times ({string.Join(", ", group.Select(t => t.GetProperty("txnId").GetString()))})");
                }
                else if (!accepted.ContainsKey(key))
                {
                    var write = writes.FirstOrDefault(w => w.Key == key);
                    findings.Add($"account {payer.AccountId}: txn {group[0].GetProperty("txnId").GetString()} of key {key}, whose answer was {(write is null ? "never sent" : Status(write.Status))}");
                }
            }

            foreach (var lost in accepted.Values.Where(w => !byKey.ContainsKey(w.Key)))
            {
                findings.Add($"account {payer.AccountId}: {lost.Kind} key {lost.Key} got {lost.Status} (txn {lost.TxnId}) but is not on the statement");
            }

            var expectedBalance = accepted.Values.Sum(w => w.Kind == WriteKind.Payment ? -w.Amount : w.Amount);
            if (expectedBalance != balance)
            {
                findings.Add($"account {payer.AccountId}: balance {balance}, accepted deposits minus payments {expectedBalance}");
            }
        }

        return new("balance = statement, one movement per key", findings.Count == 0,
            $"{payers.Count} accounts, {movements} statement lines; {findings.Count} discrepancies", [.. findings.Take(Shown)]);
    }

    /// <summary>Every cart created, every quantity each line went through and every accepted movement has its CloudEvent (waiting up to 2 minutes for the worker).</summary>
    private async Task<CheckResult> EventsAsync(CancellationToken cancellationToken)
    {
        var expected = new List<(string What, Func<bool> Seen)>();
        foreach (var cart in carts)
        {
            expected.Add(($"cart.created of {cart.CartId}", () => events.CartCreated(cart.CartId)));
            foreach (var (sku, qty) in await TableLinesAsync(cart.CartId, cancellationToken))
            {
                for (var q = 1L; q <= qty; q++)
                {
                    var reached = q;
                    expected.Add(($"cart.updated of {cart.CartId} {sku} at qty {reached}", () => events.LineReached(cart.CartId, sku, reached)));
                }
            }
        }

        foreach (var write in writes.Where(w => w.Accepted && w.TxnId is not null))
        {
            expected.Add(($"{write.Kind} event of txn {write.TxnId} (key {write.Key})", () => events.TransactionAnnounced(write.TxnId!)));
        }

        var waited = Stopwatch.StartNew();
        List<string> missing;
        while ((missing = [.. expected.Where(e => !e.Seen()).Select(e => e.What)]).Count > 0 && waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(500, cancellationToken);
        }

        return new("every accepted write's CloudEvent on the streams", missing.Count == 0,
            $"{expected.Count} events expected, {events.Events} read ({events.Redelivered} redelivered); {missing.Count} missing", [.. missing.Take(Shown)]);
    }

    private async Task<Dictionary<string, long>> TableLinesAsync(string cartId, CancellationToken cancellationToken)
    {
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamodb.QueryAsync(new QueryRequest
            {
                TableName = "carts",
                KeyConditionExpression = "PK = :pk AND begins_with(SK, :item)",
                ExpressionAttributeValues = new() { [":pk"] = new($"CART#{cartId}"), [":item"] = new("ITEM#") },
                ConsistentRead = true,
                ExclusiveStartKey = start,
            }, cancellationToken);
            foreach (var item in page.Items.Where(i => i.ContainsKey("sku")))
            {
                lines[item["sku"].S] = lines.GetValueOrDefault(item["sku"].S) + long.Parse(item["qty"].N, CultureInfo.InvariantCulture);
            }

            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return lines;
    }

    private async Task<Dictionary<string, long>> ApiLinesAsync(GuestCart cart, CancellationToken cancellationToken)
    {
        var document = await GetJsonAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/carts/{cart.CartId}");
            request.Headers.Add("Cookie", cart.Cookie);
            return request;
        }, cancellationToken);
        return document.GetProperty("items").EnumerateArray()
            .GroupBy(item => item.GetProperty("sku").GetString()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(item => item.GetProperty("qty").GetInt64()), StringComparer.Ordinal);
    }

    private async Task<List<JsonElement>> StatementAsync(Payer payer, CancellationToken cancellationToken)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var path = $"/accounts/{payer.AccountId}/transactions?limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await GetJsonAsync(() => payer.Authorized(HttpMethod.Get, path), cancellationToken);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return items;
    }

    private async Task<JsonElement> GetJsonAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = build();
            using var response = await gateway.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode || attempt == RetryPolicy.MaxAttempts || !RetryPolicy.IsRetryable((int)response.StatusCode))
            {
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            }

            await Task.Delay(RetryPolicy.Delay(response, attempt), cancellationToken);
        }
    }

    private static string Status(int status) => status == WindowStats.NoAnswer ? "no answer" : status.ToString(CultureInfo.InvariantCulture);
}
