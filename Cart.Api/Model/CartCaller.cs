using ServiceDefaults.Authentication;

namespace Cart.Api.Model;

/// <summary>Who is asking: the gateway-issued device cookie and/or the user of a validated bearer token.</summary>
internal sealed record CartCaller(string? DeviceId, string? UserId)
{
    public static CartCaller From(HttpContext http) => new(DeviceIdCookie.Read(http.Request), http.User.GetUserId());

    /// <summary>A user's cart is theirs alone; a guest cart belongs to its device. A request with neither owns nothing.</summary>
    public bool Owns(string? cartDeviceId, string? cartUserId) => cartUserId is not null
        ? cartUserId == UserId
        : cartDeviceId is not null && cartDeviceId == DeviceId;

    public bool Owns(CartHeader header) => Owns(header.DeviceId, header.UserId);

    /// <summary>The tag that scopes this caller's idempotency records, or null when the caller is nobody.</summary>
    public string? OwnerTag => UserId is not null ? $"u-{UserId}" : DeviceId is not null ? $"d-{DeviceId}" : null;
}
