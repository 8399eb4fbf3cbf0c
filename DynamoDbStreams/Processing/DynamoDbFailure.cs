using Amazon.Runtime;
using DynamoDbStreams.Client;

namespace DynamoDbStreams.Processing;

/// <summary>
/// A failed call to DynamoDB or its streams that the worker outlives: an error answer, an unreachable endpoint, or a
/// call given up after the client's timeout (the AWS SDK reports that as a <see cref="TimeoutException"/>, which is
/// not a shutdown and must not stop the worker).
/// </summary>
public static class DynamoDbFailure
{
    public static bool IsTransient(Exception exception) =>
        exception is AmazonServiceException or AmazonClientException or HttpRequestException or TimeoutException or StreamsServiceException;
}
