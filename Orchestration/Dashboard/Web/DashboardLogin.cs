using Microsoft.AspNetCore.Http;

using System.Security.Cryptography;
using System.Text;

namespace Orchestration.Dashboard.Web;

/// <summary>
/// The browser token, as Aspire's dashboard does it: a random token printed at start-up; <c>/login?t=</c> exchanges it
/// for an HttpOnly cookie; every other page and API answers 401 without that cookie.
/// </summary>
public sealed class DashboardLogin
{
    public const string CookieName = "dashboard_token";

    public string Token { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public bool IsValid(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(Token));

    public bool IsSignedIn(HttpContext http) => IsValid(http.Request.Cookies[CookieName]);

    public void SignIn(HttpContext http) => http.Response.Cookies.Append(CookieName, Token, new CookieOptions
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        IsEssential = true,
    });
}
