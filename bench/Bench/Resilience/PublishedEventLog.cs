using System.Text.Json;
using StackExchange.Redis;

namespace Bench.Resilience;

/// <summary>
/// Follows the Redis streams the events worker publishes to (<c>events:carts</c>, <c>events:payments</c>) from the
/// suite's start, all through the run, and keeps what the integrity checks ask: which carts were created, which
/// quantities each cart line went through, which ledger transactions were announced. Read as it goes, so a stream
/// that a fault empties later has already been seen.
/// </summary>
internal sealed class PublishedEventLog
{
    private static readonly string[] Streams = ["events:carts", "events:payments"];
    private readonly Lock _gate = new();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _createdCarts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string CartId, string Sku), HashSet<long>> _lineQuantities = [];
    private readonly HashSet<string> _transactions = new(StringComparer.Ordinal);
    private long _events;
    private long _redelivered;

    /// <summary>Events read (redelivered ones included).</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>Events read again under an id already seen: at-least-once delivery, allowed.</summary>
    public long Redelivered => Interlocked.Read(ref _redelivered);

    public bool CartCreated(string cartId)
    {
        lock (_gate)
        {
            return _createdCarts.Contains(cartId);
        }
    }

    /// <summary>True when a <c>cart.updated</c> event showed the line at quantity <paramref name="qty"/>.</summary>
    public bool LineReached(string cartId, string sku, long qty)
    {
        lock (_gate)
        {
            return _lineQuantities.TryGetValue((cartId, sku), out var seen) && seen.Contains(qty);
        }
    }

    public bool TransactionAnnounced(string txnId)
    {
        lock (_gate)
        {
            return _transactions.Contains(txnId);
        }
    }

    /// <summary>
    /// Notes where each stream ends now, then reads what comes after every 100 ms until <paramref name="stop"/> (a Redis
    /// that does not answer, stalled, is waited for); the returned task is that reading.
    /// </summary>
    public async Task<Task> StartFollowingAsync(IDatabase redis, CancellationToken stop)
    {
        var after = new Dictionary<string, RedisValue>(StringComparer.Ordinal);
        foreach (var stream in Streams)
        {
            after[stream] = (await redis.StreamRangeAsync(stream, "-", "+", count: 1, messageOrder: Order.Descending)) is [var last] ? last.Id : "0-0";
        }

        return FollowAsync(redis, after, stop);
    }

    private async Task FollowAsync(IDatabase redis, Dictionary<string, RedisValue> after, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var read = 0;
            foreach (var stream in Streams)
            {
                try
                {
                    var entries = await redis.StreamRangeAsync(stream, "(" + after[stream], "+", count: 2000);
                    foreach (var entry in entries)
                    {
                        after[stream] = entry.Id;
                        Add(entry["event"].ToString());
                    }

                    read += entries.Length;
                }
                catch (Exception exception) when (exception is RedisException or TimeoutException)
                {
                    // Redis stalled or busy: read on when it answers again
                }
            }

            if (read == 0)
            {
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    private void Add(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Interlocked.Increment(ref _events);
        var type = root.GetProperty("type").GetString();
        var subject = root.GetProperty("subject").GetString()!;
        var data = root.GetProperty("data");
        var image = data.TryGetProperty("new", out var newImage) ? newImage : default;
        lock (_gate)
        {
            if (!_ids.Add(root.GetProperty("id").GetString()!))
            {
                Interlocked.Increment(ref _redelivered);
                return;
            }

            if (type == "cart.created")
            {
                _createdCarts.Add(subject);
            }
            else if (type == "cart.updated" && data.TryGetProperty("line", out _) && image.ValueKind == JsonValueKind.Object
                && image.TryGetProperty("sku", out var sku) && image.TryGetProperty("qty", out var qty))
            {
                var key = (subject, sku.GetString()!);
                if (!_lineQuantities.TryGetValue(key, out var seen))
                {
                    _lineQuantities[key] = seen = [];
                }

                seen.Add(qty.ValueKind == JsonValueKind.Number ? qty.GetInt64() : long.Parse(qty.GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (image.ValueKind == JsonValueKind.Object && image.TryGetProperty("txnId", out var txnId))
            {
                _transactions.Add(txnId.GetString()!);
            }
        }
    }
}
