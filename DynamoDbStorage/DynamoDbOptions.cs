namespace DynamoDbStorage;

/// <summary>DynamoDB settings shared by every service (section <c>DynamoDb</c>).</summary>
public sealed class DynamoDbOptions
{
    public const string SectionName = "DynamoDb";

    /// <summary>Create the service's tables at start-up; defaults to true in Development only.</summary>
    public bool CreateTables { get; set; }

    /// <summary>
    /// How long one DynamoDB call may take before the SDK gives it up (and retries it, as it retries throttling). A held
    /// call then ends as a 503 inside a client's patience instead of outlasting it; DynamoDB answers in milliseconds.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Physical table name per logical name (<c>DynamoDb:Tables:carts</c>); a missing entry means the logical name.</summary>
    public Dictionary<string, string> Tables { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The physical name of a logical table.</summary>
    public string TableName(string logicalName) =>
        Tables.TryGetValue(logicalName, out var name) && !string.IsNullOrWhiteSpace(name) ? name : logicalName;
}
