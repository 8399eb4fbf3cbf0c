using AmazonClientException = Amazon.Runtime.AmazonClientException;
using AmazonServiceException = Amazon.Runtime.AmazonServiceException;

namespace ApiConventions.Problems;

/// <summary>The failures that mean a dependency could not answer now, rather than that the request or the code is wrong.</summary>
public static class DependencyFailures
{
    /// <summary>
    /// Throttling, a 5xx, a transaction another one holds, a client-side failure, a dropped connection or an attempt
    /// that got no answer (a <see cref="TimeoutException"/>): answered 503 with <c>Retry-After</c>
    /// (<see cref="ProblemExceptionHandler"/>), or served from a last-known copy where one exists.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        AmazonServiceException service => (int)service.StatusCode >= 500 || service.ErrorCode is "ThrottlingException"
            or "ProvisionedThroughputExceededException" or "RequestLimitExceeded" or "TransactionInProgressException",
        AmazonClientException or HttpRequestException or TimeoutException => true,
        _ => false,
    };
}
