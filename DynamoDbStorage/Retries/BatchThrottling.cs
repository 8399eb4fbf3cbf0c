using System.Net;
using Amazon.Runtime;

namespace DynamoDbStorage.Retries;

/// <summary>How a batch call ends when DynamoDB keeps leaving part of it unprocessed: as throttling, a 503 with <c>Retry-After</c>.</summary>
internal static class BatchThrottling
{
    public static ProvisionedThroughputExceededException LeftUnprocessed(string operation, string tableName, int unprocessed, int attempts) => new(
        $"DynamoDB left {unprocessed} item(s) of a {operation} on {tableName} unprocessed after {attempts} attempts.",
        innerException: null,
        ErrorType.Sender,
        errorCode: nameof(ProvisionedThroughputExceededException),
        requestId: null,
        HttpStatusCode.BadRequest);
}
