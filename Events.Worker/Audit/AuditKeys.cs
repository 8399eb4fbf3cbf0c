namespace Events.Worker.Audit;

/// <summary>Archive object keys: <c>audit/yyyy/MM/dd/HH-&lt;shardId&gt;.jsonl</c> (UTC), so one shard's hour is one file.</summary>
public static class AuditKeys
{
    public const string Prefix = "audit";

    public static string For(DateTimeOffset time, string shardId) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}/{time.UtcDateTime:yyyy}/{time.UtcDateTime:MM}/{time.UtcDateTime:dd}/{time.UtcDateTime:HH}-{shardId}.jsonl");
}
