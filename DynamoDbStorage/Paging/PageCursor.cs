using System.Buffers.Text;
using System.Text.Json;

namespace DynamoDbStorage.Paging;

/// <summary>
/// The opaque pagination cursor: DynamoDB's <c>LastEvaluatedKey</c> (string attributes only) as base64url JSON.
/// Decoding checks the key lies within the <see cref="CursorScope"/> of the query it is replayed on, so a forged or
/// mismatched cursor can neither read another partition nor make DynamoDB reject the request.
/// </summary>
public static class PageCursor
{
    private const int MaxLength = 2048;

    // Not an attribute name: ours never start with '#'.
    private const string BindingEntry = "#query";

    /// <summary>The cursor for the next page, or null on the last page; <paramref name="scope"/>'s binding goes inside it.</summary>
    public static string? Encode(Dictionary<string, AttributeValue>? lastEvaluatedKey, CursorScope? scope = null)
    {
        if (lastEvaluatedKey is not { Count: > 0 })
        {
            return null;
        }

        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in lastEvaluatedKey)
        {
            values[name] = value.S ?? throw new InvalidOperationException($"Key attribute '{name}' is not a string.");
        }

        if (scope?.Binding is { } binding)
        {
            values[BindingEntry] = binding;
        }

        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(values, PagingJsonContext.Default.SortedDictionaryStringString));
    }

    /// <summary>
    /// The start key a cursor stands for, when it is one of ours and lies within <paramref name="scope"/>: the
    /// partition the query reads and the sort keys it can reach. Anything else is false, never a query DynamoDB rejects.
    /// </summary>
    public static bool TryDecode(string? cursor, CursorScope scope, out Dictionary<string, AttributeValue>? startKey)
    {
        startKey = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        if (cursor.Length > MaxLength || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        SortedDictionary<string, string>? values;
        try
        {
            values = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(cursor), PagingJsonContext.Default.SortedDictionaryStringString);
        }
        catch (JsonException)
        {
            return false;
        }

        if (values is null || !TryUnbind(values, scope) || !scope.Admits(values))
        {
            return false;
        }

        startKey = values.ToDictionary(pair => pair.Key, pair => new AttributeValue(pair.Value), StringComparer.Ordinal);
        return true;
    }

    // A bound scope needs its own binding in the cursor; an unbound one, none.
    private static bool TryUnbind(SortedDictionary<string, string> values, CursorScope scope)
    {
        var carried = values.Remove(BindingEntry, out var binding) ? binding : null;
        return carried == scope.Binding;
    }
}
