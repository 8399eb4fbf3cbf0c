namespace Cart.Api.Carts;

/// <summary>The errors cart endpoints share.</summary>
internal static class CartErrors
{
    /// <summary>Absent, expired and (later) not-yours carts all look the same: no existence oracle.</summary>
    public static ApiError NotFound() => ApiError.NotFound("The cart was not found.");
}
