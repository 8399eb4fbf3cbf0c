using System.Text.Json;

namespace IntegrationTests.Events;

/// <summary>Reads the worker's local audit archive (the default folder: <c>&lt;temp&gt;/events-worker/audit/yyyy/MM/dd/…</c>).</summary>
internal static class AuditArchive
{
    public static string Root => Path.Combine(Path.GetTempPath(), "events-worker", "audit");

    /// <summary>
    /// (eventId, PK) of every archived line whose PK is one of <paramref name="partitionKeys"/> (and that <paramref
    /// name="where"/> accepts, given the whole line).
    /// </summary>
    public static IReadOnlyList<(string EventId, string PartitionKey, string Path)> Lines(IReadOnlySet<string> partitionKeys, Func<JsonElement, bool>? where = null)
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        var lines = new List<(string, string, string)>();
        foreach (var file in Directory.EnumerateFiles(Root, "*.jsonl", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                using var json = JsonDocument.Parse(line);
                var pk = json.RootElement.GetProperty("keys").GetProperty("PK").GetString()!;
                if (partitionKeys.Contains(pk) && (where is null || where(json.RootElement)))
                {
                    lines.Add((json.RootElement.GetProperty("eventId").GetString()!, pk, Path.GetRelativePath(Root, file)));
                }
            }
        }

        return lines;
    }
}
