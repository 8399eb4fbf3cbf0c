using Cart.Api.Contracts;
using Cart.Api.Model;

namespace Cart.Api.Caching;

/// <summary>
/// What Redis holds under <c>cart:&lt;cartId&gt;</c>: the cart as clients receive it plus what a reader needs to check
/// ownership and expiry without DynamoDB (<see cref="CachedCartFormat"/>). <see cref="Version"/> is top-level so the
/// set-if-newer script can compare it.
/// </summary>
internal sealed record CachedCart(long Version, long CachedAt, string Status, string? DeviceId, string? UserId, long? Ttl, CartView Cart)
{
    /// <summary>
    /// When the cart was created: the one header field an open cart has that neither the document nor the fields above
    /// carry, so with it the entry holds the whole cart (<see cref="CachedCartSnapshot"/>). Absent from older entries.
    /// </summary>
    public string? CreatedAt { get; init; }

    /// <summary><see cref="CartHeader.IsVisibleTo"/> for the header fields the entry carries.</summary>
    public bool IsVisibleTo(CartCaller caller, DateTimeOffset now) => !CartHeader.IsExpired(Ttl, now) && caller.Owns(DeviceId, UserId);
}
