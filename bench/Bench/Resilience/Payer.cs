using System.Net.Http.Headers;

namespace Bench.Resilience;

/// <summary>A signed-in user with one EUR account, funded and charged by the load.</summary>
internal sealed record Payer(string UserId, string Token, string AccountId)
{
    public HttpRequestMessage Authorized(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return request;
    }
}
