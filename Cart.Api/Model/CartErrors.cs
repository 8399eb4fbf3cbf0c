namespace Cart.Api.Model;

/// <summary>The errors cart endpoints share.</summary>
internal static class CartErrors
{
    /// <summary>Absent, expired and not-yours carts all look the same: no existence oracle.</summary>
    public static ApiError NotFound() => ApiError.NotFound("The cart was not found.");

    /// <summary>Neither a device cookie nor a signed-in user: nobody to own a cart.</summary>
    public static ApiError NoOwner() => new(
        StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "Bad Request", "A cart needs an owner: send the deviceId cookie or sign in.");

    /// <summary>DynamoDB kept throttling the write past its retry budget; nothing was applied and the key is free again.</summary>
    public static ApiError Throttled() => ApiError.ServiceUnavailable("The cart store is busy; nothing was changed. Retry after the Retry-After delay with the same Idempotency-Key.");
}
