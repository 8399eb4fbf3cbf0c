using Gateway.DeviceIdentity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace UnitTests.Gateway;

public class DeviceCookieMiddlewareTests
{
    [Theory]
    [InlineData("https", true)]
    [InlineData("http", false)] // a stack deployed without a certificate: a Secure cookie would be dropped by the browser
    public async Task The_device_cookie_is_secure_when_the_client_came_over_https(string scheme, bool secure)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = scheme;

        await Middleware().InvokeAsync(context);

        var cookie = context.Response.Headers.SetCookie.ToString();
        Assert.StartsWith("deviceId=", cookie, StringComparison.Ordinal);
        Assert.Equal(secure, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_well_formed_device_cookie_is_kept_and_not_reissued()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = "deviceId=AAAAAAAAAAAAAAAAAAAAAA";

        await Middleware().InvokeAsync(context);

        Assert.Equal(0, context.Response.Headers.SetCookie.Count);
        Assert.Equal("deviceId=AAAAAAAAAAAAAAAAAAAAAA", context.Request.Headers.Cookie.ToString());
    }

    [Fact]
    public async Task The_first_request_reaches_the_service_with_the_issued_device_id()
    {
        var context = new DefaultHttpContext();

        await Middleware().InvokeAsync(context);

        var issued = context.Response.Headers.SetCookie.ToString().Split(';')[0];
        Assert.Equal(issued, context.Request.Headers.Cookie.ToString());
    }

    private static DeviceCookieMiddleware Middleware() => new(_ => Task.CompletedTask, Options.Create(new DeviceCookieOptions()));
}
