namespace DynamoDbStreams.Client;

/// <summary>The Streams API refused a request; <see cref="ErrorCode"/> is the service's exception name.</summary>
public class StreamsServiceException(string errorCode, string message, int statusCode) : Exception($"{errorCode}: {message}")
{
    public string ErrorCode { get; } = errorCode;

    public int StatusCode { get; } = statusCode;

    /// <summary>Throttling and server faults are worth retrying; anything else is the caller's problem.</summary>
    public bool IsRetryable => StatusCode >= 500 || ErrorCode is "ThrottlingException" or "LimitExceededException"
        or "ProvisionedThroughputExceededException" or "RequestLimitExceeded" or "InternalServerError";
}

/// <summary>A shard iterator older than 15 minutes: get a new one from the checkpoint.</summary>
public sealed class ExpiredIteratorException(string message, int statusCode)
    : StreamsServiceException(nameof(ExpiredIteratorException), message, statusCode);

/// <summary>The requested position is beyond the 24-hour trim horizon: those records are gone.</summary>
public sealed class TrimmedDataAccessException(string message, int statusCode)
    : StreamsServiceException(nameof(TrimmedDataAccessException), message, statusCode);

/// <summary>The stream or shard does not exist (any more).</summary>
public sealed class StreamResourceNotFoundException(string message, int statusCode)
    : StreamsServiceException("ResourceNotFoundException", message, statusCode);
