using System.Buffers.Text;

namespace Payments.Api.Table;

/// <summary>
/// The opaque pagination cursor: DynamoDB's <c>LastEvaluatedKey</c> (string attributes only) as base64url JSON.
/// Decoding checks the cursor belongs to the query it is replayed on, so a forged cursor cannot read another
/// partition or make DynamoDB reject the request.
/// </summary>
internal static class PageCursor
{
    private const int MaxLength = 2048;

    public static string? Encode(Dictionary<string, AttributeValue>? lastEvaluatedKey)
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

        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(values, PaymentsJsonContext.Default.SortedDictionaryStringString));
    }

    /// <summary>
    /// The start key a cursor stands for, when it has exactly <paramref name="keyNames"/> and its
    /// <paramref name="partitionAttribute"/> is <paramref name="partitionValue"/>; otherwise false.
    /// </summary>
    public static bool TryDecode(
        string? cursor,
        IReadOnlyCollection<string> keyNames,
        string partitionAttribute,
        string partitionValue,
        out Dictionary<string, AttributeValue>? startKey)
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
            values = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(cursor), PaymentsJsonContext.Default.SortedDictionaryStringString);
        }
        catch (JsonException)
        {
            return false;
        }

        if (values is null
            || values.Count != keyNames.Count
            || !keyNames.All(values.ContainsKey)
            || values.Values.Any(string.IsNullOrEmpty)
            || values[partitionAttribute] != partitionValue)
        {
            return false;
        }

        startKey = values.ToDictionary(pair => pair.Key, pair => new AttributeValue(pair.Value), StringComparer.Ordinal);
        return true;
    }

    /// <summary>The 422 for a cursor that is not one of ours.</summary>
    public static ApiError Invalid()
    {
        var errors = new FieldErrors();
        errors.Add("cursor", "Not a cursor returned by this listing.");
        return errors.ToError();
    }
}
