namespace Cart.Api.Model;

/// <summary>Cart ids: random (unguessable) GUIDs in 32-hex form.</summary>
internal static partial class CartIds
{
    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>Ids that could be ours; anything else is answered 404 without touching DynamoDB.</summary>
    public static bool IsWellFormed(string cartId) => SharedShapes.ServerId().MatchesWhole(cartId);
}
