using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationTests.Dashboard;

/// <summary>An HttpClient signed in to an AppHost's dashboard the way a browser is: the login link, then its cookie.</summary>
public static class DashboardClient
{
    public static async Task<HttpClient> SignInAsync(DistributedApplication app)
    {
        var login = app.GetDashboardLoginUri() ?? throw new InvalidOperationException("The dashboard is not running.");
        var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, CookieContainer = new CookieContainer() }) { BaseAddress = app.GetDashboardUri() };
        using var signedIn = await client.GetAsync(login);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode); // redirected to the page
        return client;
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path) =>
        await client.GetFromJsonAsync<JsonElement>(path);
}
