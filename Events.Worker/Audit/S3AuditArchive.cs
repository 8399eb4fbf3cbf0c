using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;

namespace Events.Worker.Audit;

/// <summary>
/// The archive in S3 (production), through the AWS SDK: one object per delivered batch under
/// <see cref="AuditKeys.ForBatch"/>, so a restarted worker adds objects and never replaces one. The put is also
/// conditional (<c>If-None-Match: *</c>): where S3 honours it, even a key that somehow repeated could not overwrite;
/// its refusal of the SDK's own retry of a put that did land (412) means the batch is archived.
/// Credentials, region, retries and an <c>AWS_ENDPOINT_URL_S3</c> override are the SDK's.
/// </summary>
internal sealed class S3AuditArchive(IAmazonS3 s3, IOptions<EventsOptions> options, TimeProvider time) : IAuditArchive
{
    public async Task AppendAsync(string shardId, IReadOnlyList<AuditLine> lines, DateTimeOffset batchTime, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var body = new StringBuilder();
        foreach (var line in lines)
        {
            body.Append(JsonSerializer.Serialize(line, EventsJsonContext.Default.AuditLine)).Append('\n');
        }

        var request = new PutObjectRequest
        {
            BucketName = options.Value.AuditBucket ?? throw new InvalidOperationException("Events:AuditBucket is not set."),
            Key = AuditKeys.ForBatch(batchTime, shardId, lines[0].SequenceNumber, lines[^1].SequenceNumber, Guid.CreateVersion7(time.GetUtcNow())),
            ContentBody = body.ToString(),
            ContentType = "application/x-ndjson",
            IfNoneMatch = "*",
            // One batch is small and already in memory: send it whole, its checksum in a header (which object lock
            // requires), instead of aws-chunked with a trailer — local S3 servers store that framing as the body.
            UseChunkEncoding = false,
        };
        try
        {
            await s3.PutObjectAsync(request, cancellationToken);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            // The key is this write's own (its write id is new), so it exists only because an earlier attempt of this very
            // put stored it: the SDK sent it again after an answer it did not get (a reset connection, a timeout). The
            // batch is archived; failing it would deliver it again, and its lines would land in a second object.
        }
    }
}
