using System.Text;
using System.Text.Json;
using Events.Worker.Events;

namespace Events.Worker.Audit;

/// <summary>
/// The archive in a local folder (development; S3 in production). A batch is appended in one write and flushed
/// to disk before the batch is checkpointed, so the archive holds every change at least once.
/// </summary>
/// <remarks>
/// A write that did not complete (the process killed during it, the disk full) can leave part of a line at the end of
/// the file. Its batch was not checkpointed, so it is appended again in full; appended after that torn tail, its first
/// line would be glued to the fragment and no longer parse. So the tail after the file's last line end is cut off first:
/// every complete append ends with one, so those bytes are always of a write that failed.
/// </remarks>
internal sealed class LocalAuditArchive(IOptions<EventsOptions> options) : IAuditArchive
{
    private const int TailChunk = 4096;

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

        await using var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite, 4096, FileOptions.Asynchronous);
        var whole = await WholeLinesLengthAsync(file, cancellationToken);
        if (whole < file.Length)
        {
            file.SetLength(whole);
        }

        file.Seek(0, SeekOrigin.End);
        await file.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken);
        file.Flush(flushToDisk: true);
    }

    /// <summary>The length of the file up to and including its last line end (0 when it has none).</summary>
    private static async Task<long> WholeLinesLengthAsync(FileStream file, CancellationToken cancellationToken)
    {
        var buffer = new byte[TailChunk];
        var end = file.Length;
        while (end > 0)
        {
            var start = Math.Max(0, end - TailChunk);
            var count = (int)(end - start);
            file.Seek(start, SeekOrigin.Begin);
            await file.ReadExactlyAsync(buffer.AsMemory(0, count), cancellationToken);
            var lineEnd = buffer.AsSpan(0, count).LastIndexOf((byte)'\n');
            if (lineEnd >= 0)
            {
                return start + lineEnd + 1;
            }

            end = start;
        }

        return 0;
    }
}
