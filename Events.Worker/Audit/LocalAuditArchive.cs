using System.Text;
using System.Text.Json;
using Events.Worker.Events;

namespace Events.Worker.Audit;

/// <summary>
/// The archive in a local folder (development; S3 in production). A batch is appended in one write and flushed
/// to disk before the batch is checkpointed, so the archive holds every change at least once.
/// </summary>
internal sealed class LocalAuditArchive(IOptions<EventsOptions> options) : IAuditArchive
{
    public async Task AppendAsync(string shardId, IReadOnlyList<AuditLine> lines, DateTimeOffset batchTime, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var path = Path.Combine(options.Value.AuditDirectory, AuditKeys.For(batchTime, shardId));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(JsonSerializer.Serialize(line, EventsJsonContext.Default.AuditLine)).Append('\n');
        }

        await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 4096, FileOptions.Asynchronous);
        await file.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken);
        file.Flush(flushToDisk: true);
    }
}
