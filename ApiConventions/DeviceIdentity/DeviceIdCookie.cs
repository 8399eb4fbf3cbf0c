using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ApiConventions.Validation;

namespace ApiConventions.DeviceIdentity;

/// <summary>The opaque device cookie the gateway issues and the services read: 128 random bits, base64url.</summary>
public static partial class DeviceIdCookie
{
    /// <summary>The cookie name.</summary>
    public const string Name = "deviceId";

    /// <summary>A new random device id (22 base64url characters).</summary>
    public static string NewValue() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>True when <paramref name="value"/> has the shape of a device id; anything else is ignored, never stored.</summary>
    public static bool IsWellFormed(string? value) => Shape().MatchesWhole(value);

    /// <summary>The request's device id, or <c>null</c> when absent or malformed.</summary>
    public static string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var value) && IsWellFormed(value) ? value : null;

    [GeneratedRegex(@"\A[A-Za-z0-9_-]{16,64}\z")]
    private static partial Regex Shape();
}
