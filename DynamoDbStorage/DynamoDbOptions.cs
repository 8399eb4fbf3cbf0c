namespace DynamoDbStorage;

/// <summary>DynamoDB settings shared by every service (section <c>DynamoDb</c>).</summary>
public sealed class DynamoDbOptions
{
    public const string SectionName = "DynamoDb";

    /// <summary>Create the service's tables at start-up; defaults to true in Development only.</summary>
    public bool CreateTables { get; set; }

    /// <summary>Physical table name per logical name (<c>DynamoDb:Tables:carts</c>); a missing entry means the logical name.</summary>
    public Dictionary<string, string> Tables { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The physical name of a logical table.</summary>
    public string TableName(string logicalName) =>
        Tables.TryGetValue(logicalName, out var name) && !string.IsNullOrWhiteSpace(name) ? name : logicalName;
}
