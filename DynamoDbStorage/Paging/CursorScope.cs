namespace DynamoDbStorage.Paging;

/// <summary>
/// The start keys one query accepts: each key attribute its pages end on, held to an exact value or to the sort keys
/// the query reads. A start key outside them would make DynamoDB reject the query (a 500) or read another partition.
/// </summary>
public sealed class CursorScope
{
    // DynamoDB refuses a sort key over 1,024 bytes; every key we write is printable ASCII well within that.
    private const int MaxKeyLength = 1024;

    private readonly Dictionary<string, Func<string, bool>> _rules = new(StringComparer.Ordinal);

    /// <summary>
    /// What identifies the query beyond its keys (filters, order), carried inside the cursor: a cursor made for
    /// one query is refused by another, even when its key would also lie within the other's range.
    /// </summary>
    public string? Binding { get; private set; }

    /// <summary>Binds cursors to <paramref name="query"/> (a canonical text of the query's parameters).</summary>
    public CursorScope BoundTo(string query)
    {
        Binding = query;
        return this;
    }

    /// <summary>The attribute must hold exactly <paramref name="value"/> (the partition the query reads).</summary>
    public CursorScope Exactly(string attribute, string value) =>
        With(attribute, candidate => candidate == value);

    /// <summary>The attribute must be a key that starts with <paramref name="prefix"/> (a <c>begins_with</c> query).</summary>
    public CursorScope StartingWith(string attribute, string prefix) =>
        With(attribute, candidate => IsKeyText(candidate) && candidate.Length > prefix.Length && candidate.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>
    /// The attribute must be a key strictly between <paramref name="lower"/> and <paramref name="upper"/> (a <c>BETWEEN</c>
    /// query). Not on a bound: DynamoDB refuses a start key on the bound a query reads towards ("The provided starting key
    /// does not match the range key predicate", a 500), and our <c>BETWEEN</c> bounds are sentinels no item carries.
    /// </summary>
    public CursorScope Between(string attribute, string lower, string upper) =>
        With(attribute, candidate => IsKeyText(candidate)
            && string.CompareOrdinal(candidate, lower) > 0
            && string.CompareOrdinal(candidate, upper) < 0);

    /// <summary>The attribute must satisfy <paramref name="rule"/> (a position a cursor carries beside the keys, such as a count).</summary>
    public CursorScope Where(string attribute, Func<string, bool> rule) => With(attribute, rule);

    /// <summary>Whether <paramref name="key"/> has exactly this scope's attributes, each a string within its rule.</summary>
    /// <remarks>A decoded cursor may hold JSON nulls whatever the annotations say, hence the null check.</remarks>
    public bool Admits(IReadOnlyDictionary<string, string> key) =>
        key.Count == _rules.Count && _rules.All(rule => key.TryGetValue(rule.Key, out var value) && value is not null && rule.Value(value));

    private CursorScope With(string attribute, Func<string, bool> rule)
    {
        _rules.Add(attribute, rule);
        return this;
    }

    // Ordinal comparison matches DynamoDB's byte order only for ASCII, and no key we write holds anything else.
    private static bool IsKeyText(string value) =>
        value.Length <= MaxKeyLength && value.All(c => c is > ' ' and < '\u007f');
}
