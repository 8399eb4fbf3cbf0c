namespace Gateway.Security;

/// <summary>
/// Request headers through which some stacks pass an authenticated identity (or rewrite the target path)
/// between a trusted proxy and a service. A client must never be able to send them: the gateway drops
/// them, and the services read identity only from the validated token.
/// </summary>
internal static class SpoofableHeaders
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "X-User-Id",
        "X-User",
        "X-Forwarded-User",
        "X-Forwarded-Email",
        "X-Forwarded-Preferred-Username",
        "X-Forwarded-Groups",
        "X-Forwarded-Access-Token",
        "X-Remote-User",
        "Remote-User",
        "X-Auth-Request-User",
        "X-Original-URL",
        "X-Rewrite-URL",
        "X-MS-CLIENT-PRINCIPAL",
        "X-MS-CLIENT-PRINCIPAL-ID",
        "X-MS-CLIENT-PRINCIPAL-NAME",
        "X-Amzn-Oidc-Identity",
        "X-Amzn-Oidc-Data",
        "X-Amzn-Oidc-Accesstoken",
        "X-Apigateway-Event",
    };

    private static readonly string[] Prefixes = ["X-Authenticated-", "X-User-", "X-Auth-", "X-Identity-", "X-Jwt-"];

    /// <summary>
    /// True for a name in <see cref="Names"/> or under one of <see cref="Prefixes"/>. Runs for every header of every
    /// request, so the names no identity header has (anything but <c>X-…</c> and <c>Remote-User</c>: Host, Accept,
    /// Cookie, traceparent…) are answered from their first two characters, without hashing or allocating.
    /// </summary>
    public static bool IsSpoofable(string headerName)
    {
        if (headerName.Length < 2 || (headerName[1] != '-' && !headerName.Equals("Remote-User", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (Names.Contains(headerName))
        {
            return true;
        }

        foreach (var prefix in Prefixes)
        {
            if (headerName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
