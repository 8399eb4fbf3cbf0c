using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;

namespace DynamoDbStreams.Client;

/// <summary>
/// The DynamoDB Streams API over HTTP (JSON 1.0 protocol: a POST with <c>X-Amz-Target</c>), signed with the SDK's
/// SigV4 signer and credentials from the SDK's standard chain. Retries throttling, server faults and transport
/// errors and timeouts with capped exponential backoff and jitter.
/// </summary>
public sealed partial class DynamoDbStreamsClient(
    HttpClient http,
    StreamsClientSettings settings,
    TimeProvider time,
    ILogger<DynamoDbStreamsClient> logger) : IDynamoDbStreamsClient
{
    private const string TargetPrefix = "DynamoDBStreams_20120810.";
    private const string ContentType = "application/x-amz-json-1.0";

    public async Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string tableName, CancellationToken cancellationToken)
    {
        var streams = new List<StreamSummary>();
        string? start = null;
        do
        {
            var page = await SendAsync("ListStreams", new ListStreamsRequestBody(tableName, start, 100),
                StreamsJsonContext.Default.ListStreamsRequestBody, StreamsJsonContext.Default.ListStreamsResponseBody, cancellationToken);
            streams.AddRange((page.Streams ?? []).Select(s => new StreamSummary(s.StreamArn, s.TableName, s.StreamLabel)));
            start = page.LastEvaluatedStreamArn;
        }
        while (start is not null);

        return streams;
    }

    public async Task<IReadOnlyList<ShardDescription>> DescribeStreamAsync(string streamArn, CancellationToken cancellationToken)
    {
        var shards = new List<ShardDescription>();
        string? start = null;
        do
        {
            var page = await SendAsync("DescribeStream", new DescribeStreamRequestBody(streamArn, start, 100),
                StreamsJsonContext.Default.DescribeStreamRequestBody, StreamsJsonContext.Default.DescribeStreamResponseBody, cancellationToken);
            shards.AddRange((page.StreamDescription.Shards ?? []).Select(s => new ShardDescription(
                s.ShardId, s.ParentShardId, s.SequenceNumberRange?.StartingSequenceNumber, s.SequenceNumberRange?.EndingSequenceNumber)));
            start = page.StreamDescription.LastEvaluatedShardId;
        }
        while (start is not null);

        return shards;
    }

    public async Task<string> GetShardIteratorAsync(
        string streamArn, string shardId, ShardIteratorType type, string? sequenceNumber, CancellationToken cancellationToken)
    {
        var response = await SendAsync("GetShardIterator", new GetShardIteratorRequestBody(streamArn, shardId, type.ToString(), sequenceNumber),
            StreamsJsonContext.Default.GetShardIteratorRequestBody, StreamsJsonContext.Default.GetShardIteratorResponseBody, cancellationToken);
        return response.ShardIterator ?? throw new StreamsServiceException("MissingIterator", $"No iterator for shard {shardId}.", 200);
    }

    public async Task<RecordsPage> GetRecordsAsync(string shardIterator, int limit, CancellationToken cancellationToken)
    {
        var response = await SendAsync("GetRecords", new GetRecordsRequestBody(shardIterator, limit),
            StreamsJsonContext.Default.GetRecordsRequestBody, StreamsJsonContext.Default.GetRecordsResponseBody, cancellationToken);
        var records = (response.Records ?? []).Select(ToRecord).ToList();
        return new RecordsPage(records, response.NextShardIterator);
    }

    private static StreamRecord ToRecord(WireRecord record) => new(
        record.EventId,
        record.EventName,
        record.Dynamodb.SequenceNumber,
        record.Dynamodb.ApproximateCreationDateTime is { } seconds
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000))
            : DateTimeOffset.UnixEpoch,
        record.Dynamodb.Keys ?? [],
        record.Dynamodb.NewImage,
        record.Dynamodb.OldImage,
        record.UserIdentity?.PrincipalId);

    private async Task<TResponse> SendAsync<TRequest, TResponse>(
        string operation, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(body, requestType);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AttemptAsync(operation, payload, responseType, cancellationToken);
            }
            catch (Exception exception) when (attempt < settings.MaxAttempts && IsTransient(exception) && !cancellationToken.IsCancellationRequested)
            {
                var delay = Backoff(attempt);
                LogRetrying(logger, operation, attempt, delay, exception);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    /// <summary>
    /// One signed request. <see cref="HttpClient.Timeout"/> cancels it with a <see cref="TaskCanceledException"/>; while the
    /// caller has not cancelled, that is an endpoint that did not answer in time, reported as a <see cref="TimeoutException"/>
    /// (as the AWS SDK does) so that callers treat it as a failure to outlive rather than as their shutdown.
    /// </summary>
    private async Task<TResponse> AttemptAsync<TResponse>(string operation, byte[] payload, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        try
        {
            using var message = await CreateMessageAsync(operation, payload);
            using var response = await http.SendAsync(message, cancellationToken);
            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return JsonSerializer.Deserialize(content, responseType)
                    ?? throw new StreamsServiceException("EmptyResponse", $"{operation} returned no body.", (int)response.StatusCode);
            }

            throw ToException(content, (int)response.StatusCode);
        }
        catch (TaskCanceledException canceled) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Streams {operation} got no answer within {http.Timeout.TotalSeconds:0.###} s.", canceled);
        }
    }

    private async Task<HttpRequestMessage> CreateMessageAsync(string operation, byte[] payload)
    {
        var credentials = await settings.Credentials.GetCredentialsAsync();
        var request = StreamsRequestSigning.CreateRequest(settings.Endpoint, "POST", "DynamoDBStreams");
        request.Content = payload;
        request.Headers["X-Amz-Target"] = TargetPrefix + operation;
        request.Headers["Content-Type"] = ContentType;
        StreamsRequestSigning.Sign(request, settings.ClientConfig, credentials, time.GetUtcNow().UtcDateTime);

        var message = new HttpRequestMessage(HttpMethod.Post, settings.Endpoint) { Content = new ByteArrayContent(payload) };
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            }
            else if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.Host = value;
            }
            else if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    private static StreamsServiceException ToException(byte[] content, int statusCode)
    {
        WireError? error = null;
        try
        {
            error = JsonSerializer.Deserialize(content, StreamsJsonContext.Default.WireError);
        }
        catch (JsonException)
        {
            // Not a JSON error body (a proxy's HTML page, say): the status code is all we know.
        }

        // "__type" is "com.amazonaws.dynamodb.v20120810#ExpiredIteratorException" (or just the name).
        var type = error?.Type is { } t ? t[(t.LastIndexOf('#') + 1)..] : $"Http{statusCode}";
        var message = error?.Message ?? error?.UpperMessage ?? string.Empty;
        return type switch
        {
            nameof(ExpiredIteratorException) => new ExpiredIteratorException(message, statusCode),
            nameof(TrimmedDataAccessException) => new TrimmedDataAccessException(message, statusCode),
            "ResourceNotFoundException" => new StreamResourceNotFoundException(message, statusCode),
            _ => new StreamsServiceException(type, message, statusCode),
        };
    }

    private static bool IsTransient(Exception exception) => exception switch
    {
        StreamsServiceException service => service.IsRetryable,
        HttpRequestException => true,
        TimeoutException => true,
        _ => false,
    };

    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(settings.MaxBackoff.TotalMilliseconds, settings.BaseBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Streams {Operation} failed (attempt {Attempt}); retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string operation, int attempt, TimeSpan delay, Exception exception);
}
