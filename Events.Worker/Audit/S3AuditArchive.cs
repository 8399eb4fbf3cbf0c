using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Amazon.Runtime.Credentials;
using DynamoDbStreams.Client;

namespace Events.Worker.Audit;

/// <summary>
/// The archive in S3 (production): S3 has no append, so each delivered batch is one object,
/// <c>audit/yyyy/MM/dd/HH-&lt;shardId&gt;-&lt;first sequence number&gt;.jsonl</c> — a redelivered batch that starts at the
/// same record overwrites its own object. PutObject over REST, signed with the SDK's SigV4 signer (service
/// <c>s3</c>) and the standard credential chain, like the Streams client; <c>AWS_ENDPOINT_URL_S3</c> switches to a
/// path-style endpoint (MinIO, LocalStack). Retries throttling, 5xx and transport errors.
/// </summary>
internal sealed class S3AuditArchive(
    HttpClient http,
    IOptions<EventsOptions> options,
    TimeProvider time,
    Func<string, string?> variable,
    AWSCredentials? credentials = null) : IAuditArchive
{
    private const int MaxAttempts = 4;

    private readonly Lazy<(IClientConfig Config, AWSCredentials Credentials, string Region)> _aws = new(() =>
    {
        var region = FallbackRegionFactory.GetRegionEndpoint()?.SystemName ?? "us-east-1";
        var config = new AmazonDynamoDBConfig { AuthenticationServiceName = "s3", AuthenticationRegion = region };
        return (config, credentials ?? DefaultAWSCredentialsIdentityResolver.GetCredentials(config), region);
    });

    public async Task AppendAsync(string shardId, IReadOnlyList<AuditLine> lines, DateTimeOffset batchTime, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var key = ObjectKey(batchTime, shardId, lines[0].SequenceNumber);
        var body = new StringBuilder();
        foreach (var line in lines)
        {
            body.Append(JsonSerializer.Serialize(line, EventsJsonContext.Default.AuditLine)).Append('\n');
        }

        var payload = Encoding.UTF8.GetBytes(body.ToString());
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var message = await CreatePutAsync(key, payload);
                using var response = await http.SendAsync(message, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                var status = (int)response.StatusCode;
                if (status < 500 && status != 429)
                {
                    throw new InvalidOperationException($"S3 PutObject {key} failed: {status} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }

                throw new HttpRequestException($"S3 PutObject {key} failed: {status}", null, response.StatusCode);
            }
            catch (HttpRequestException) when (attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt)), time, cancellationToken);
            }
        }
    }

    /// <summary>The object key of a batch: the local layout plus the batch's first sequence number.</summary>
    public static string ObjectKey(DateTimeOffset batchTime, string shardId, string firstSequenceNumber) =>
        AuditKeys.For(batchTime, shardId).Replace(".jsonl", $"-{firstSequenceNumber}.jsonl", StringComparison.Ordinal);

    internal async Task<HttpRequestMessage> CreatePutAsync(string key, byte[] payload)
    {
        var (config, signingCredentials, region) = _aws.Value;
        var bucket = options.Value.AuditBucket ?? throw new InvalidOperationException("Events:AuditBucket is not set.");
        var custom = variable("AWS_ENDPOINT_URL_S3") ?? variable("AWS_ENDPOINT_URL");
        var (endpoint, path) = custom is { Length: > 0 }
            ? (new Uri(custom), $"/{bucket}/{key}")
            : (new Uri($"https://{bucket}.s3.{region}.amazonaws.com"), $"/{key}");

        var request = StreamsRequestSigning.CreateRequest(endpoint, "PUT", "S3");
        request.ResourcePath = path;
        request.UseDoubleEncoding = false; // S3 signs the path as sent
        request.Content = payload;
        StreamsRequestSigning.Sign(request, config, await signingCredentials.GetCredentialsAsync(), time.GetUtcNow().UtcDateTime);

        var message = new HttpRequestMessage(HttpMethod.Put, new Uri(endpoint, path)) { Content = new ByteArrayContent(payload) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.Host = value;
            }
            else if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }
}
