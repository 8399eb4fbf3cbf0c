using Amazon.Runtime;
using Events.Worker;
using Events.Worker.Audit;
using Microsoft.Extensions.Options;

namespace UnitTests.Events;

public sealed class S3AuditArchiveTests
{
    [Fact]
    public void A_batch_object_key_is_the_hourly_layout_plus_its_first_sequence_number()
    {
        Assert.Equal("audit/2026/01/05/07-shardId-1-000042.jsonl",
            S3AuditArchive.ObjectKey(new DateTimeOffset(2026, 1, 5, 7, 0, 0, TimeSpan.Zero), "shardId-1", "000042"));
    }

    [Fact]
    public async Task A_put_to_a_custom_endpoint_is_path_style_and_signed_for_s3_with_its_payload_hash()
    {
        using var http = new HttpClient();
        var archive = new S3AuditArchive(http, Options.Create(new EventsOptions { AuditBucket = "audit-bucket" }), TimeProvider.System,
            name => name == "AWS_ENDPOINT_URL_S3" ? "http://localhost:9000" : null, new BasicAWSCredentials("AKID", "secret"));

        using var message = await archive.CreatePutAsync("audit/2026/01/05/07-shardId-1-000042.jsonl", "{}\n"u8.ToArray());

        Assert.Equal(new Uri("http://localhost:9000/audit-bucket/audit/2026/01/05/07-shardId-1-000042.jsonl"), message.RequestUri);
        var authorization = Assert.Single(message.Headers.GetValues("Authorization"));
        Assert.Contains("/s3/aws4_request", authorization, StringComparison.Ordinal);
        Assert.Contains("x-amz-content-sha256", authorization, StringComparison.Ordinal);
        Assert.Single(message.Headers.GetValues("X-Amz-Content-SHA256"));
    }
}
