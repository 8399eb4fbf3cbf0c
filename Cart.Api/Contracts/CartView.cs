namespace Cart.Api.Contracts;

/// <summary>
/// A rendered cart as the JSON bytes clients receive, with the two facts readers act on. Cached reads hand these
/// bytes from Redis to the response as they are, without parsing the document and writing it again.
/// </summary>
internal sealed record CartView(long Version, string Status, ReadOnlyMemory<byte> Json)
{
    /// <summary>Serialized as the HTTP JSON options would (web defaults, nulls omitted), so a cached read and a fresh one answer the same bytes.</summary>
    public static CartView Of(CartDocument document) =>
        new(document.Version, document.Status, JsonSerializer.SerializeToUtf8Bytes(document, CartJsonContext.Default.CartDocument));
}
