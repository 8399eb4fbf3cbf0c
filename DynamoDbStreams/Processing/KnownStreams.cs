namespace DynamoDbStreams.Processing;

/// <summary>
/// The streams this worker has discovered and the table each belongs to. Only leases of these streams are taken: a
/// stream stays known after a newer one replaces it, so its unfinished shards are still read to their end (discovery
/// also reads a replaced stream that still has leases, <see cref="StreamsToRead"/>).
/// </summary>
internal sealed class KnownStreams
{
    private readonly Dictionary<string, string> _tableOfStream = new(StringComparer.Ordinal);

    public void Remember(string streamArn, string tableName) => _tableOfStream[streamArn] = tableName;

    public bool Contains(string streamArn) => _tableOfStream.ContainsKey(streamArn);

    public string TableOf(string streamArn) => _tableOfStream[streamArn];
}
