namespace DynamoDbStorage;

/// <summary>Terse construction and reading of DynamoDB attribute values.</summary>
public static class AttributeValues
{
    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue M(Dictionary<string, AttributeValue> value) => new() { M = value };

    public static AttributeValue L(List<AttributeValue> value) => new() { L = value };

    public static string GetString(this IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.GetStringOrNull(name) ?? throw new InvalidDataException($"Attribute '{name}' is missing or not a string.");

    public static string? GetStringOrNull(this IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    public static long GetLong(this IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.GetLongOrNull(name) ?? throw new InvalidDataException($"Attribute '{name}' is missing or not a number.");

    public static long? GetLongOrNull(this IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is { } number
            ? long.Parse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
            : null;

    public static IReadOnlyDictionary<string, AttributeValue>? GetMapOrNull(this IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.M : null;
}
