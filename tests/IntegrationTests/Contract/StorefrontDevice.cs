using System.Net;

namespace IntegrationTests.Contract;

/// <summary>
/// The HTTP stack a storefront gives the generated clients on one device: a cookie jar (where the gateway's deviceId
/// lands on the first answer) and, once the shopper has signed in, their bearer token. No request is written here.
/// </summary>
internal static class StorefrontDevice
{
    public static HttpClient Open(Uri gateway, string? token, CookieContainer? cookies = null)
    {
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies ?? new CookieContainer(), UseProxy = false }) { BaseAddress = gateway };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        return http;
    }
}
