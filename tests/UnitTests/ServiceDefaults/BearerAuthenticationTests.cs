using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceDefaults.Authentication;

namespace UnitTests.ServiceDefaults;

/// <summary>
/// <c>UseBearerAuthentication</c> in a real <c>WebApplication</c>, which adds the authentication middleware by itself
/// unless it finds it in the pipeline: the scheme's handler runs for a request with an <c>Authorization</c> header, and
/// for no other — not even through a middleware the host added behind the application's back.
/// </summary>
public sealed class BearerAuthenticationTests
{
    [Fact]
    public async Task A_request_without_an_Authorization_header_is_not_authenticated_at_all()
    {
        await using var app = await StartAsync();

        var body = await app.Client.GetStringAsync("/");

        Assert.Equal("anonymous", body);
        Assert.Equal(0, app.Counter.Authentications);
    }

    [Fact]
    public async Task A_request_with_an_Authorization_header_is_authenticated_once()
    {
        await using var app = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "user-1") } };

        using var response = await app.Client.SendAsync(request);

        Assert.Equal("user-1", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, app.Counter.Authentications);
    }

    [Fact]
    public async Task A_blank_Authorization_header_still_goes_to_the_handler()
    {
        await using var app = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Authorization", "");

        using var response = await app.Client.SendAsync(request);

        Assert.Equal("anonymous", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, app.Counter.Authentications);
    }

    private static async Task<RunningApp> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<AuthenticationCounter>();
        builder.Services.AddAuthentication(CountingHandler.Name).AddScheme<AuthenticationSchemeOptions, CountingHandler>(CountingHandler.Name, null);
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseBearerAuthentication();
        app.MapGet("/", (ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous");
        await app.StartAsync();
        var address = app.Urls.First();
        return new RunningApp(app, new HttpClient { BaseAddress = new Uri(address) }, app.Services.GetRequiredService<AuthenticationCounter>());
    }

    private sealed record RunningApp(WebApplication App, HttpClient Client, AuthenticationCounter Counter) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await App.DisposeAsync();
        }
    }

    private sealed class AuthenticationCounter
    {
        private int _authentications;

        public int Authentications => Volatile.Read(ref _authentications);

        public void Count() => Interlocked.Increment(ref _authentications);
    }

    /// <summary>A scheme that counts its runs and names the user after the bearer value, if any.</summary>
    private sealed class CountingHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AuthenticationCounter counter)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "Counting";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            counter.Count();
            var value = Request.Headers.Authorization.ToString();
            if (!value.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, value["Bearer ".Length..])], Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
        }
    }
}
