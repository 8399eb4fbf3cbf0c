using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace UnitTests.ServiceDefaults;

/// <summary>
/// Request rate and latency by route come from ASP.NET Core itself: <c>http.server.request.duration</c> (meter
/// <c>Microsoft.AspNetCore.Hosting</c>, which ServiceDefaults exports) carries the matched route template, not the path,
/// so the dashboard can group by <c>http.route</c> without a metric of ours.
/// </summary>
public class RequestDurationByRouteTests
{
    [Fact]
    public async Task A_request_is_measured_under_its_route_template_with_its_status()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/carts/{cartId}", (string cartId) => cartId);
        await app.StartAsync();
        using var durations = new MetricCollector<double>(
            app.Services.GetRequiredService<IMeterFactory>(), "Microsoft.AspNetCore.Hosting", "http.server.request.duration");
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        using (var client = new HttpClient { BaseAddress = new Uri(address) })
        {
            (await client.GetAsync("/carts/0123456789abcdef")).EnsureSuccessStatusCode();
        }

        await durations.WaitForMeasurementsAsync(1);
        var measured = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal("/carts/{cartId}", measured.Tags["http.route"]);
        Assert.Equal(200, measured.Tags["http.response.status_code"]);
        Assert.Equal("GET", measured.Tags["http.request.method"]);
    }
}
