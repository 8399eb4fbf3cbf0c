using Amazon.S3;

namespace Events.Worker.Audit;

/// <summary>The audit archive's S3 client settings: the SDK's standard chain, or a local S3 endpoint addressed path-style.</summary>
internal static class AuditS3Config
{
    /// <summary>The configuration variable of a custom S3 endpoint (the SDK's own name; s3rver, MinIO in development).</summary>
    public const string EndpointVariable = "AWS_ENDPOINT_URL_S3";

    /// <summary>
    /// Production (<paramref name="endpoint"/> null): region, credentials and endpoint from the SDK's chain. A custom
    /// endpoint is used path-style (<c>http://host:port/bucket/key</c>): a local server's buckets are no DNS names.
    /// </summary>
    public static AmazonS3Config Create(string? endpoint) => endpoint is { Length: > 0 }
        ? new AmazonS3Config { ServiceURL = endpoint, ForcePathStyle = true }
        : new AmazonS3Config();
}
