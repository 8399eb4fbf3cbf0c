using System.Text.Json;
using StackExchange.Redis;

namespace IntegrationTests.Events;

/// <summary>A CloudEvent read back from a Redis stream.</summary>
internal sealed record PublishedEvent(string Id, string Type, string Source, string Subject, string SequenceNumber, JsonElement Json);

/// <summary>Reads the CloudEvents the worker added to <c>events:carts</c> and <c>events:payments</c> since a starting point.</summary>
internal sealed class PublishedEvents(IDatabase redis, IReadOnlyDictionary<string, RedisValue> after)
{
    public static readonly string[] Streams = ["events:carts", "events:payments"];

    /// <summary>Remembers where each stream ends now, so later reads see only newer events.</summary>
    public static async Task<PublishedEvents> FromNowAsync(IDatabase redis)
    {
        var after = new Dictionary<string, RedisValue>(StringComparer.Ordinal);
        foreach (var stream in Streams)
        {
            var last = await redis.StreamRangeAsync(stream, "-", "+", count: 1, messageOrder: Order.Descending);
            after[stream] = last.Length == 0 ? "0-0" : last[0].Id;
        }

        return new PublishedEvents(redis, after);
    }

    public async Task<IReadOnlyList<PublishedEvent>> ReadAsync(IReadOnlySet<string> subjects)
    {
        var events = new List<PublishedEvent>();
        foreach (var stream in Streams)
        {
            var entries = await redis.StreamRangeAsync(stream, "(" + after[stream], "+");
            foreach (var entry in entries)
            {
                using var json = JsonDocument.Parse(entry["event"].ToString());
                var root = json.RootElement.Clone();
                var subject = root.GetProperty("subject").GetString()!;
                if (subjects.Contains(subject))
                {
                    events.Add(new PublishedEvent(
                        root.GetProperty("id").GetString()!,
                        root.GetProperty("type").GetString()!,
                        root.GetProperty("source").GetString()!,
                        subject,
                        root.GetProperty("data").GetProperty("sequenceNumber").GetString()!,
                        root));
                }
            }
        }

        return events;
    }
}
