using Amazon.Runtime;

namespace DynamoDbStorage;

/// <summary>The failures of a DynamoDB call that a loop (provisioning, seeding, a health check) outlives: it says so and tries again.</summary>
public static class DynamoDbFailures
{
    /// <summary>
    /// An error DynamoDB answered (throttling and 5xx included), a client-side failure, a dropped connection, or an attempt
    /// that got no answer, was refused by the open circuit or was shed (<see cref="Resilience.DynamoDbNotAnsweringException"/>,
    /// a <see cref="TimeoutException"/>): on a loaded machine a cold DynamoDB Local meets all of them while the services start.
    /// </summary>
    public static bool IsTransient(Exception exception) =>
        exception is AmazonServiceException or AmazonClientException or HttpRequestException or TimeoutException;
}
