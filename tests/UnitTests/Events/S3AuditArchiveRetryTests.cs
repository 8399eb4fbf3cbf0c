using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.S3;
using Events.Worker;
using Events.Worker.Audit;
using Microsoft.Extensions.Options;

namespace UnitTests.Events;

/// <summary>
/// The S3 archive through the real AWS SDK (its signing, retries and error parsing), over a handler that answers PUTs as
/// S3 does with <c>If-None-Match: *</c> (200 when the key is new, 412 PreconditionFailed when it exists).
/// s3rver, the local S3 of the integration tests, ignores that header on PUT, so it cannot show what S3 does.
/// </summary>
public sealed class S3AuditArchiveRetryTests
{
    private const string Bucket = "audit-archive";
    private const string Shard = "shardId-00000001700000000000-aaaa";
    private static readonly DateTimeOffset BatchTime = new(2026, 11, 29, 9, 41, 7, TimeSpan.Zero);

    [Fact]
    public async Task A_put_whose_answer_was_lost_is_written_once_when_the_sdk_s_retry_finds_it_there()
    {
        var s3 = new ConditionalPutS3 { LoseFirstAnswer = true };
        using var client = new AmazonS3Client(
            new BasicAWSCredentials("test", "test"),
            new AmazonS3Config { ServiceURL = "http://s3.test", ForcePathStyle = true, AuthenticationRegion = "us-east-1", HttpClientFactory = s3 });
        var archive = new S3AuditArchive(client, Options.Create(new EventsOptions { AuditBucket = Bucket }), TimeProvider.System);

        try
        {
            await archive.AppendAsync(Shard, Lines(1, 2), BatchTime, CancellationToken.None);
        }
        catch (AmazonS3Exception)
        {
            // A failed append fails the batch, which is delivered again: its lines go to a new object.
            await archive.AppendAsync(Shard, Lines(1, 2), BatchTime, CancellationToken.None);
        }

        var stored = Assert.Single(s3.Objects);
        Assert.Equal(2, s3.Puts); // the SDK sent it again after the lost answer, and no more
        Assert.StartsWith($"/{Bucket}/audit/2026/11/29/09-{Shard}-001-002-", stored.Key, StringComparison.Ordinal);
    }

    private static List<AuditLine> Lines(params int[] sequences) => [.. sequences.Select(n => new AuditLine(
        $"event-{n}", "INSERT", "payments", Shard, n.ToString("000", System.Globalization.CultureInfo.InvariantCulture), "2026-11-29T09:41:07.000Z",
        new JsonObject { ["PK"] = "ACCOUNT#a1", ["SK"] = $"AUDIT#{n}" }, new JsonObject { ["amount"] = n }, null))];

    /// <summary>
    /// PutObject as S3 answers it under <c>If-None-Match: *</c>; with <see cref="LoseFirstAnswer"/> the first put is stored and
    /// its answer lost on the way back (a connection reset after S3 wrote the object), as the SDK sees a transport error.
    /// </summary>
    private sealed class ConditionalPutS3 : HttpClientFactory
    {
        public bool LoseFirstAnswer { get; init; }

        public int Puts { get; private set; }

        public Dictionary<string, string> Objects { get; } = [];

        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Handler(this));

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;

        private sealed class Handler(ConditionalPutS3 s3) : HttpMessageHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (request.Method != HttpMethod.Put)
                {
                    return new HttpResponseMessage(HttpStatusCode.NotImplemented);
                }

                s3.Puts++;
                var key = request.RequestUri!.AbsolutePath;
                if (request.Headers.IfNoneMatch.Any(tag => tag.Tag == "*") && s3.Objects.ContainsKey(key))
                {
                    return new HttpResponseMessage(HttpStatusCode.PreconditionFailed)
                    {
                        Content = new StringContent(
                            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>PreconditionFailed</Code>" +
                            "<Message>At least one of the pre-conditions you specified did not hold</Message><Condition>If-None-Match</Condition></Error>",
                            Encoding.UTF8,
                            "application/xml"),
                    };
                }

                s3.Objects[key] = await request.Content!.ReadAsStringAsync(cancellationToken);
                if (s3.LoseFirstAnswer && s3.Puts == 1)
                {
                    throw new HttpRequestException("The connection was reset after the request was sent (test).", new IOException("Connection reset by peer"));
                }

                var ok = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
                ok.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"0\"");
                return ok;
            }
        }
    }
}
