using System.Security.Claims;

namespace Gateway.RateLimiting;

/// <summary>
/// Whose buckets a request counts against: the client's — the signed-in user (the <c>sub</c> of a validated
/// token), else the device cookie — and the address's. Health probes are not counted.
/// </summary>
internal static class ClientPartition
{
    /// <summary>True for requests that are never limited.</summary>
    public static bool IsExempt(PathString path) =>
        path.StartsWithSegments(ServiceDefaultsExtensions.HealthEndpointPath) || path.StartsWithSegments(ServiceDefaultsExtensions.AlivenessEndpointPath);

    /// <summary>The client's partition key, or <c>null</c> when the request names no client (it counts against its address alone).</summary>
    public static string? Client(ClaimsPrincipal user, string? deviceId) =>
        user.GetUserId() is { } userId ? $"user:{userId}"
        : deviceId is not null ? $"device:{deviceId}"
        : null;

    /// <summary>The address's partition key.</summary>
    public static string Address(string? remoteIp) => $"ip:{remoteIp ?? "unknown"}";
}
