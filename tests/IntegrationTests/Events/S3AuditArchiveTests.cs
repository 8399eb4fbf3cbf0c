using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using Events.Worker;
using Events.Worker.Audit;
using Microsoft.Extensions.Options;

namespace IntegrationTests.Events;

/// <summary>The worker's S3 audit sink against a real local S3 (s3rver): date-partitioned objects, appended across restarts.</summary>
public sealed class S3AuditArchiveTests(S3rverFixture s3rver) : IClassFixture<S3rverFixture>
{
    private const string Shard = "shardId-00000001700000000000-aaaa";
    private static readonly DateTimeOffset BatchTime = new(2026, 11, 29, 9, 41, 7, TimeSpan.Zero);

    [Fact]
    public async Task Batches_land_under_the_date_partitioned_keys_and_a_restart_appends_without_overwriting()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var cancellation = timeout.Token;
        IReadOnlyList<S3Object> before;
        string firstBody;
        using (var client = Client())
        {
            await Archive(client).AppendAsync(Shard, Lines(1, 2, 3), BatchTime, cancellation);
            before = await ObjectsAsync(client, cancellation);
            firstBody = await BodyAsync(client, Assert.Single(before).Key, cancellation);
        }

        // A restarted worker (new process, new client) resumes from its checkpoint: it redelivers 3, then goes on,
        // and even the whole first batch comes again if the checkpoint before the crash was never written.
        using (var client = Client())
        {
            var archive = Archive(client);
            await archive.AppendAsync(Shard, Lines(3, 4, 5), BatchTime, cancellation);
            await archive.AppendAsync(Shard, Lines(1, 2, 3), BatchTime, cancellation);

            var after = await ObjectsAsync(client, cancellation);
            Assert.Equal(3, after.Count);
            Assert.All(after, o => Assert.StartsWith($"audit/2026/11/29/09-{Shard}-", o.Key, StringComparison.Ordinal));
            Assert.All(after, o => Assert.EndsWith(".jsonl", o.Key, StringComparison.Ordinal));

            var first = after.Single(o => o.Key == before[0].Key);
            Assert.Equal(before[0].ETag, first.ETag);
            Assert.Equal(before[0].LastModified, first.LastModified);
            Assert.Equal(firstBody, await BodyAsync(client, first.Key, cancellation));

            var sequences = new List<string>();
            foreach (var o in after)
            {
                sequences.AddRange((await BodyAsync(client, o.Key, cancellation)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(line => (string)JsonNode.Parse(line)!["sequenceNumber"]!));
            }

            Assert.Equal(["001", "001", "002", "002", "003", "003", "003", "004", "005"], sequences.Order(StringComparer.Ordinal));
        }
    }

    private AmazonS3Client Client()
    {
        var config = AuditS3Config.Create(s3rver.Endpoint.ToString());
        config.AuthenticationRegion = "us-east-1";
        return new AmazonS3Client(S3rverFixture.Credentials, config);
    }

    private static S3AuditArchive Archive(IAmazonS3 client) =>
        new(client, Options.Create(new EventsOptions { AuditBucket = S3rverFixture.Bucket }), TimeProvider.System);

    private static async Task<IReadOnlyList<S3Object>> ObjectsAsync(IAmazonS3 client, CancellationToken cancellationToken) =>
        (await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = S3rverFixture.Bucket, Prefix = AuditKeys.Prefix + "/" }, cancellationToken)).S3Objects ?? [];

    private static async Task<string> BodyAsync(IAmazonS3 client, string key, CancellationToken cancellationToken)
    {
        using var response = await client.GetObjectAsync(S3rverFixture.Bucket, key, cancellationToken);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static List<AuditLine> Lines(params int[] sequences) => [.. sequences.Select(n => new AuditLine(
        $"event-{n}", "INSERT", "payments", Shard, n.ToString("000", System.Globalization.CultureInfo.InvariantCulture), "2026-11-29T09:41:07.000Z",
        new JsonObject { ["PK"] = $"ACCOUNT#{n}", ["SK"] = "TX#1" }, new JsonObject { ["amount"] = n }, null))];
}
