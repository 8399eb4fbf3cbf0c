namespace Cart.Api.Model;

/// <summary>A validated request to add <see cref="Qty"/> units to the line of (<see cref="Sku"/>, <see cref="LineKey"/>).</summary>
internal sealed record LineAddition(
    string Sku,
    int Qty,
    IReadOnlyDictionary<string, string> Attrs,
    string LineKey,
    Money? PriceSnapshot,
    string? Source);
