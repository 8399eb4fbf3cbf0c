using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestration.Dashboard.Web;
using Orchestration.Hosting;
using Orchestration.Lifecycle;

namespace Orchestration.Dashboard;

/// <summary>
/// The dashboard web app, hosted by Kestrel inside the AppHost on loopback: the UI (behind the browser token) on one
/// port, the OTLP/HTTP receiver (unauthenticated, loopback only, as Aspire's is in development) on another.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _web;

    private DashboardServer(WebApplication web, DashboardLogin login, Uri uri, Uri otlpUri)
    {
        _web = web;
        Login = login;
        Uri = uri;
        OtlpHttpUri = otlpUri;
    }

    public DashboardLogin Login { get; }

    /// <summary>The UI, e.g. <c>http://localhost:18888/</c>.</summary>
    public Uri Uri { get; }

    /// <summary>The OTLP/HTTP base address the services export to.</summary>
    public Uri OtlpHttpUri { get; }

    /// <summary>Opening it in a browser signs in: <c>/login?t=&lt;token&gt;</c>.</summary>
    public Uri LoginUri => new(Uri, $"login?t={Login.Token}");

    public static async Task<DashboardServer> StartAsync(
        DistributedApplication app, DashboardOptions options, TimeProvider time, ConsoleReporter reporter, CancellationToken cancellationToken)
    {
        var uiPort = ChoosePort(options.Port, options.RandomizePorts, "dashboard", reporter);
        var otlpPort = ChoosePort(options.OtlpHttpPort, options.RandomizePorts, "OTLP receiver", reporter);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Dashboard", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, NoHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Fixed ports answer on both loopbacks (browsers try ::1 for "localhost" first); free ports on 127.0.0.1 only.
            foreach (var port in new[] { uiPort, otlpPort })
            {
                if (port == 0)
                {
                    kestrel.Listen(IPAddress.Loopback, 0);
                }
                else
                {
                    kestrel.ListenLocalhost(port);
                }
            }
        });

        var login = new DashboardLogin();
        var assets = new DashboardAssets();
        var web = builder.Build();
        var actualOtlpPort = otlpPort;
        web.Use(async (http, next) =>
        {
            var path = http.Request.Path;
            var otlp = http.Connection.LocalPort == actualOtlpPort;
            if (otlp != path.StartsWithSegments("/v1"))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            if (!otlp && path != "/login" && !login.IsSignedIn(http))
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync("Sign in with the link the AppHost printed at start-up: Login to the dashboard at .../login?t=<token>", http.RequestAborted);
                return;
            }

            await next(http);
        });
        web.MapGet("/login", (HttpContext http, string? t) =>
        {
            if (!login.IsValid(t))
            {
                return Results.Text("That dashboard token is not valid: use the login link the AppHost printed at start-up.", "text/plain", statusCode: StatusCodes.Status401Unauthorized);
            }

            login.SignIn(http);
            return Results.Redirect("/");
        });
        web.MapGet("/", () => assets.Serve("index.html"));
        web.MapGet("/app.js", () => assets.Serve("app.js"));
        web.MapGet("/app.css", () => assets.Serve("app.css"));
        web.MapDashboardApi(app, time);
        web.MapOtlp(app.Telemetry);

        await web.StartAsync(cancellationToken);
        var ports = web.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a).Port).Distinct().ToArray();
        uiPort = uiPort == 0 ? ports[0] : uiPort;
        actualOtlpPort = otlpPort == 0 ? ports.First(p => p != uiPort) : otlpPort;
        var host = uiPort == options.Port ? "localhost" : "127.0.0.1";
        return new DashboardServer(web, login, new Uri($"http://{host}:{uiPort}/"), new Uri($"http://127.0.0.1:{actualOtlpPort}"));
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _web.StopAsync(timeout.Token);
        await _web.DisposeAsync();
    }

    /// <summary>A busy fixed port (another AppHost's dashboard) is not worth failing the run for: take a free one and say so.</summary>
    private static int ChoosePort(int port, bool randomize, string what, ConsoleReporter reporter)
    {
        if (randomize || port == 0)
        {
            return 0;
        }

        if (PortAllocator.IsFree(port))
        {
            return port;
        }

        reporter.Error($"warning: the {what}'s port {port} is in use (another AppHost?); using a free port instead.");
        return 0;
    }
}
