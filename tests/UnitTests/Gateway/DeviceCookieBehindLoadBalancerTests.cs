using System.Net;
using Gateway.DeviceIdentity;
using Gateway.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace UnitTests.Gateway;

/// <summary>
/// The device cookie as the deployed gateway sets it: TLS ends at the load balancer, which forwards plain http with
/// <c>X-Forwarded-Proto</c>. The gateway's own forwarded-headers setup decides whom to believe.
/// </summary>
public class DeviceCookieBehindLoadBalancerTests
{
    private const string LoadBalancerNetwork = "10.0.0.0/16";

    [Fact]
    public async Task A_client_that_reached_the_load_balancer_over_https_gets_a_secure_cookie()
    {
        var cookie = await IssuedCookieAsync(sender: "10.0.1.5", forwardedProto: "https");

        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_stack_deployed_without_a_certificate_sets_a_cookie_the_browser_keeps()
    {
        var cookie = await IssuedCookieAsync(sender: "10.0.1.5", forwardedProto: "http");

        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_client_outside_the_load_balancers_network_cannot_claim_https()
    {
        var cookie = await IssuedCookieAsync(sender: "198.51.100.7", forwardedProto: "https");

        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> IssuedCookieAsync(string sender, string forwardedProto)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ForwardedHeaders:TrustedNetworks:0"] = LoadBalancerNetwork;
        builder.AddTrustedForwardedHeaders();
        using var host = builder.Build();

        var cookies = new DeviceCookieMiddleware(_ => Task.CompletedTask, Options.Create(new DeviceCookieOptions()));
        var forwarded = new ForwardedHeadersMiddleware(
            cookies.InvokeAsync, NullLoggerFactory.Instance, host.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>());
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(sender);
        context.Request.Scheme = "http";
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
        context.Request.Headers["X-Forwarded-Proto"] = forwardedProto;

        await forwarded.Invoke(context);

        var cookie = context.Response.Headers.SetCookie.ToString();
        Assert.StartsWith("deviceId=", cookie, StringComparison.Ordinal);
        return cookie;
    }
}
