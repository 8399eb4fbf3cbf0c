using System.Globalization;

namespace Idempotency;

/// <summary>Where a key's record lives: which table and item (<c>PK</c>/<c>SK</c>) — the service decides the scope.</summary>
public sealed record IdempotencyScope(string TableName, string PartitionKey, string SortKey)
{
    public Dictionary<string, AttributeValue> Key() => new()
    {
        [IdempotencyItem.PartitionKey] = new AttributeValue(PartitionKey),
        [IdempotencyItem.SortKey] = new AttributeValue(SortKey),
    };

    /// <summary>
    /// The (caller, key) part of a record's key, unambiguous whatever either holds (DESIGN §3–§5): the caller is
    /// length-prefixed — <c>&lt;length&gt;:&lt;caller&gt;#&lt;key&gt;</c> — so no caller or key can be chosen to spell
    /// another pair (<c>alice</c> with <c>x#k1</c> is <c>5:alice#x#k1</c>, <c>alice#x</c> with <c>k1</c> is <c>7:alice#x#k1</c>).
    /// </summary>
    public static string CallerKey(string caller, IdempotencyKey key) =>
        string.Create(CultureInfo.InvariantCulture, $"{caller.Length}:{caller}#{key.Value}");
}
