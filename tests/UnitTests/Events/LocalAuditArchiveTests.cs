using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Events.Worker;
using Events.Worker.Audit;
using Microsoft.Extensions.Options;

namespace UnitTests.Events;

/// <summary>The local audit archive on the real file system, in a folder of its own.</summary>
public sealed class LocalAuditArchiveTests : IDisposable
{
    private const string Shard = "shardId-00000001700000000000-aaaa";
    private static readonly DateTimeOffset BatchTime = new(2026, 11, 29, 9, 41, 7, TimeSpan.Zero);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "local-audit-archive-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_batch_appended_again_after_a_torn_write_leaves_every_line_whole()
    {
        var archive = new LocalAuditArchive(Options.Create(new EventsOptions { AuditDirectory = _directory }));
        await archive.AppendAsync(Shard, Lines(1, 2), BatchTime, CancellationToken.None);

        // The next batch's write is cut short (the worker killed during it, the disk full): part of its first line is on disk.
        var path = Path.Combine(_directory, AuditKeys.For(BatchTime, Shard));
        var torn = JsonSerializer.Serialize(Lines(3)[0]);
        await File.AppendAllTextAsync(path, torn[..(torn.Length / 2)], Encoding.UTF8);

        // Not checkpointed, the batch is delivered again and appended in full.
        await archive.AppendAsync(Shard, Lines(3, 4), BatchTime, CancellationToken.None);

        var text = await File.ReadAllTextAsync(path);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Equal(
            ["001", "002", "003", "004"],
            text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => (string)JsonNode.Parse(line)!["sequenceNumber"]!));
    }

    [Fact]
    public async Task Batches_append_to_the_shard_s_hourly_file()
    {
        var archive = new LocalAuditArchive(Options.Create(new EventsOptions { AuditDirectory = _directory }));
        await archive.AppendAsync(Shard, Lines(1, 2), BatchTime, CancellationToken.None);
        await archive.AppendAsync(Shard, Lines(3), BatchTime, CancellationToken.None);

        var text = await File.ReadAllTextAsync(Path.Combine(_directory, "audit", "2026", "11", "29", $"09-{Shard}.jsonl"));
        Assert.Equal(
            ["001", "002", "003"],
            text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => (string)JsonNode.Parse(line)!["sequenceNumber"]!));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static List<AuditLine> Lines(params int[] sequences) => [.. sequences.Select(n => new AuditLine(
        $"event-{n}", "INSERT", "payments", Shard, n.ToString("000", System.Globalization.CultureInfo.InvariantCulture), "2026-11-29T09:41:07.000Z",
        new JsonObject { ["PK"] = "ACCOUNT#a1", ["SK"] = $"AUDIT#{n}" }, new JsonObject { ["amount"] = n }, null))];
}
