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
    /// <summary><see cref="CartHeader.IsVisibleTo"/> for the header fields the entry carries.</summary>
    public bool IsVisibleTo(CartCaller caller, DateTimeOffset now) => !CartHeader.IsExpired(Ttl, now) && caller.Owns(DeviceId, UserId);
}
