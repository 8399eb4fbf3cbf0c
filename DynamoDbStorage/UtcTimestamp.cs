namespace DynamoDbStorage;

/// <summary>Fixed-width UTC ISO-8601 timestamps (<c>2026-01-15T10:20:00.000Z</c>), so lexical order is time order.</summary>
public static class UtcTimestamp
{
    /// <summary>The format string, with literal separators so culture never leaks in.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>Formats an instant as a fixed-width UTC timestamp.</summary>
    public static string ToUtcTimestamp(this DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The current time as a fixed-width UTC timestamp.</summary>
    public static string GetUtcTimestamp(this TimeProvider time) => time.GetUtcNow().ToUtcTimestamp();
}
