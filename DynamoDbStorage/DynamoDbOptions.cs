namespace DynamoDbStorage;

/// <summary>DynamoDB settings shared by every service (section <c>DynamoDb</c>).</summary>
public sealed class DynamoDbOptions
{
    public const string SectionName = "DynamoDb";

    /// <summary>Create the service's tables at start-up; defaults to true in Development only.</summary>
    public bool CreateTables { get; set; }

    /// <summary>Physical table name per logical name (<c>DynamoDb:Tables:carts</c>); a missing entry means the logical name.</summary>
    public Dictionary<string, string> Tables { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long one attempt (one HTTP call, each SDK retry is another) may wait for DynamoDB to answer.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts in a row without an answer (timed out, not connected) after which calls are refused for a while.</summary>
    public int BreakAfterNoAnswers { get; set; } = 5;

    /// <summary>How long calls are refused once DynamoDB has stopped answering, before one probe may try it again.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The physical name of a logical table.</summary>
    public string TableName(string logicalName) =>
        Tables.TryGetValue(logicalName, out var name) && !string.IsNullOrWhiteSpace(name) ? name : logicalName;
}
