using Gateway.DeviceIdentity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace UnitTests.Gateway;

public class DeviceCookieMiddlewareTests
{
    [Theory]
    [InlineData("Production", true)]
    [InlineData("Staging", true)]
    [InlineData("Development", false)]
    public async Task The_device_cookie_is_secure_outside_development(string environment, bool secure)
    {
        var context = new DefaultHttpContext();

        await Middleware(environment).InvokeAsync(context);

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

        await Middleware(Environments.Production).InvokeAsync(context);

        Assert.Equal(0, context.Response.Headers.SetCookie.Count);
        Assert.Equal("deviceId=AAAAAAAAAAAAAAAAAAAAAA", context.Request.Headers.Cookie.ToString());
    }

    [Fact]
    public async Task The_first_request_reaches_the_service_with_the_issued_device_id()
    {
        var context = new DefaultHttpContext();

        await Middleware(Environments.Production).InvokeAsync(context);

        var issued = context.Response.Headers.SetCookie.ToString().Split(';')[0];
        Assert.Equal(issued, context.Request.Headers.Cookie.ToString());
    }

    private static DeviceCookieMiddleware Middleware(string environment) =>
        new(_ => Task.CompletedTask, Options.Create(new DeviceCookieOptions()), new HostingEnvironment { EnvironmentName = environment });
}
