using Cart.Api.Model;
using Microsoft.Extensions.Primitives;

namespace Cart.Api.Carts;

/// <summary>The versions an <c>If-Match</c> header admits, carried by a command so the write checks them against what it reads.</summary>
internal readonly record struct IfMatch(StringValues Header)
{
    public static IfMatch Of(HttpRequest request) => new(request.Headers.IfMatch);

    public bool Allows(long version) => VersionETag.IfMatchAllows(Header, version);
}

/// <summary>The existing cart a command changes, who asks, and the version they expect.</summary>
internal sealed record CartTarget(string CartId, CartCaller Caller, IfMatch IfMatch);

/// <summary>Create a cart in <see cref="Currency"/> for the caller (their device's, or a signed-in user's).</summary>
internal sealed record CreateCart(CartCaller Caller, string Currency);

/// <summary>Add the validated <see cref="Line"/>'s quantity to its line, priced from the catalog.</summary>
internal sealed record AddLine(CartTarget Target, LineAddition Line);

/// <summary>Set the line of (<see cref="Sku"/>, <see cref="LineKey"/>) to an absolute quantity (0 or less removes it) and, when sent, its promo codes.</summary>
internal sealed record SetLine(CartTarget Target, string Sku, string LineKey, LineUpdate Update);

/// <summary>Remove the line of (<see cref="Sku"/>, <see cref="LineKey"/>).</summary>
internal sealed record RemoveLine(CartTarget Target, string Sku, string LineKey);

/// <summary>Make the guest cart <see cref="GuestCartId"/> the signed-in user's, merging it into their open cart if they have one.</summary>
internal sealed record MergeCarts(CartCaller Caller, string UserId, string GuestCartId);

/// <summary>Re-price, hold and pay for the cart from <see cref="AccountId"/>, forwarding the caller's <see cref="Authorization"/> to Payments.Api.</summary>
internal sealed record CheckOut(CartTarget Target, string AccountId, SlotId? Slot, string? Authorization);
