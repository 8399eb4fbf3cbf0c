namespace Cart.Api.Model;

/// <summary>What a SKU may be: 1–64 of <c>[A-Za-z0-9._-]</c>, starting with a letter or digit, and not the reserved one.</summary>
internal static partial class Skus
{
    /// <summary>Discount lines sort as items under <c>ITEM#DISC#</c>, so no product may be called this.</summary>
    public const string Reserved = "DISC";

    public static bool IsWellFormed(string? sku) => Shape().MatchesWhole(sku) && sku != Reserved;

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z")]
    private static partial Regex Shape();
}
