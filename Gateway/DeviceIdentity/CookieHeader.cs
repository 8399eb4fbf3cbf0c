namespace Gateway.DeviceIdentity;

/// <summary>Rewrites a request's <c>Cookie</c> header.</summary>
internal static class CookieHeader
{
    /// <summary>The header with every <paramref name="name"/> pair replaced by one <c>name=value</c> pair.</summary>
    public static string WithCookie(StringValues header, string name, string value)
    {
        var others = header
            .SelectMany(line => (line ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(pair => !string.Equals(pair.Split('=', 2)[0].Trim(), name, StringComparison.Ordinal));

        return string.Join("; ", others.Append($"{name}={value}"));
    }
}
