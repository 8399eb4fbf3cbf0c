namespace Gateway.Extensions;

internal static class Extensions
{
    /// <summary>The reverse proxy (routes and clusters from <c>ReverseProxy</c>), service-discovery destinations and the device cookie.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        builder.Services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();

        builder.Services.AddOptions<DeviceCookieOptions>()
            .BindConfiguration(DeviceCookieOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DeviceCookieOptions>, DeviceCookieOptionsValidator>();
    }
}
