namespace Gateway.DeviceIdentity;

/// <summary>
/// Gives every client an opaque device id on first contact: sets the cookie on the response and adds it to
/// the proxied request, so even the first request reaches the service with a device id.
/// </summary>
internal sealed class DeviceCookieMiddleware(RequestDelegate next, IOptions<DeviceCookieOptions> options, IHostEnvironment environment)
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
                Secure = !environment.IsDevelopment(),
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
