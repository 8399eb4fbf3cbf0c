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
            forwarded.KnownProxies.Clear(); // ASP.NET Core trusts loopback by default; only the configured networks here
            forwarded.KnownIPNetworks.Clear();

            // With no known proxy or network at all, the middleware trusts every sender, not none: any client could
            // name its own address (a fresh X-Forwarded-For per request, a fresh per-address bucket). So without a
            // configured network the headers are not read at all.
            forwarded.ForwardedHeaders = settings.Value.TrustedNetworks.Length == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in settings.Value.TrustedNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }
}
