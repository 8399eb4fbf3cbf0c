using Microsoft.AspNetCore.HttpOverrides;

namespace Gateway.Security;

/// <summary>Trusts <c>X-Forwarded-For</c>/<c>-Proto</c> from <see cref="ForwardedHeadersSettings.TrustedNetworks"/> only.</summary>
internal static class ForwardedHeadersSetup
{
    public static void AddTrustedForwardedHeaders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ForwardedHeadersSettingsValidator>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((forwarded, settings) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear(); // ASP.NET Core trusts loopback by default; only the configured networks here
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in settings.Value.TrustedNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }
}
