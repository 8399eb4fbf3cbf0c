using Gateway.DeviceIdentity;
using Microsoft.Extensions.Primitives;
using Xunit;

namespace UnitTests.Gateway;

public class CookieHeaderTests
{
    [Fact]
    public void A_request_without_cookies_gets_just_the_device_cookie() =>
        Assert.Equal("deviceId=abc", CookieHeader.WithCookie(StringValues.Empty, "deviceId", "abc"));

    [Fact]
    public void Other_cookies_are_kept() =>
        Assert.Equal("theme=dark; lang=en; deviceId=abc", CookieHeader.WithCookie(new StringValues("theme=dark; lang=en"), "deviceId", "abc"));

    [Fact]
    public void A_malformed_device_cookie_is_replaced_not_duplicated() =>
        Assert.Equal("theme=dark; deviceId=abc", CookieHeader.WithCookie(new StringValues(["deviceId=bad!", "theme=dark"]), "deviceId", "abc"));
}
