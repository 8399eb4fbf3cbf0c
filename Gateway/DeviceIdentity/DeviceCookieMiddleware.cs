namespace Gateway.DeviceIdentity;

/// <summary>
/// Gives every client an opaque device id on first contact: sets the cookie on the response and adds it to
/// the proxied request, so even the first request reaches the service with a device id. The cookie is <c>Secure</c>
/// when the client reached us over https (directly, or through the trusted load balancer's <c>X-Forwarded-Proto</c>):
/// a browser drops a <c>Secure</c> cookie set over plain http, so a stack deployed without a certificate would give
/// each request a new device and lose every guest's cart.
/// </summary>
internal sealed class DeviceCookieMiddleware(RequestDelegate next, IOptions<DeviceCookieOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (DeviceIdCookie.Read(context.Request) is null)
        {
            var deviceId = DeviceIdCookie.NewValue();
            context.Response.Cookies.Append(DeviceIdCookie.Name, deviceId, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                MaxAge = options.Value.MaxAge,
                Path = "/",
                IsEssential = true,
            });
            context.Request.Headers.Cookie = CookieHeader.WithCookie(context.Request.Headers.Cookie, DeviceIdCookie.Name, deviceId);
        }

        return next(context);
    }
}

/// <summary>Adds <see cref="DeviceCookieMiddleware"/> to the proxy pipeline.</summary>
internal static class DeviceCookieMiddlewareExtensions
{
    public static IApplicationBuilder UseDeviceCookie(this IApplicationBuilder proxy) => proxy.UseMiddleware<DeviceCookieMiddleware>();
}
