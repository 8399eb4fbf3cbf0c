using System.Security.Claims;

namespace Gateway.RateLimiting;

/// <summary>
/// Who a request counts against: the signed-in user (the <c>sub</c> of a validated token), else the
/// device cookie, else the client's IP address. Health probes are not counted.
/// </summary>
internal static class ClientPartition
{
    /// <summary>The partition key, or <c>null</c> for requests that are never limited.</summary>
    public static string? For(ClaimsPrincipal user, string? deviceId, string? remoteIp, PathString path)
    {
        if (path.StartsWithSegments(ServiceDefaultsExtensions.HealthEndpointPath) || path.StartsWithSegments(ServiceDefaultsExtensions.AlivenessEndpointPath))
        {
            return null;
        }

        return user.GetUserId() is { } userId ? $"user:{userId}"
            : deviceId is not null ? $"device:{deviceId}"
            : $"ip:{remoteIp ?? "unknown"}";
    }
}
