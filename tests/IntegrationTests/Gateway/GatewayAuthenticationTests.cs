using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationTests.Gateway;

/// <summary>The gateway lets a signed-in route through only with a valid token, and never trusts an identity header.</summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayAuthenticationTests(PlatformFixture platform)
{
    public static TheoryData<string, string> SignedInRoutes => new()
    {
        { "GET", "/me/cart" },
        { "POST", "/carts/attach" },
        { "POST", "/carts/merge" },
        { "POST", "/carts/01JCART0000000000000000000/checkout" },
        { "GET", "/accounts" },
        { "POST", "/payments" },
        { "GET", "/transactions/txn-1" },
        { "GET", "/users/user-1/beneficiaries" },
        { "GET", "/merchants/m-1/transactions" },
        { "PUT", "/admin/stock/SKU-1" },
        { "GET", "/admin/stock/SKU-1" },
        { "PUT", "/admin/delivery-slots/2031-01-01-1000" },
    };

    [Theory]
    [MemberData(nameof(SignedInRoutes))]
    public async Task A_signed_in_route_without_a_token_is_a_401_problem(string method, string path)
    {
        using var client = platform.CreateGatewayClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_a_401()
    {
        using var client = ClientWithToken(GatewayTokens.SignedWithAnotherKey(NewUser()));

        using var response = await client.GetAsync("/me/cart");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_is_a_401()
    {
        using var client = ClientWithToken(GatewayTokens.Expired(platform, NewUser()));

        using var response = await client.GetAsync("/accounts");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Contains("expired", response.Headers.WwwAuthenticate.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_token_expired_a_minute_ago_is_a_401_the_clock_skew_being_at_most_30_seconds()
    {
        using var client = ClientWithToken(GatewayTokens.ExpiredAgo(platform, NewUser(), TimeSpan.FromSeconds(60)));

        using var response = await client.GetAsync("/accounts");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task A_token_expired_ten_seconds_ago_is_still_within_the_clock_skew()
    {
        using var client = ClientWithToken(GatewayTokens.ExpiredAgo(platform, NewUser(), TimeSpan.FromSeconds(10)));

        using var response = await client.GetAsync("/accounts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_signed_token_with_a_blank_sub_is_a_401_on_signed_in_and_guest_routes(string subject)
    {
        using var client = ClientWithToken(GatewayTokens.WithSubject(platform, subject));

        using var accounts = await client.GetAsync("/accounts");
        using var cart = await client.PostAsJsonAsync("/carts", new { });

        await accounts.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await cart.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task A_token_with_a_blank_sub_sent_straight_to_a_service_is_a_401()
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = platform.PaymentsApi };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GatewayTokens.WithSubject(platform, " "));

        using var response = await client.GetAsync("/accounts");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_a_401()
    {
        using var client = ClientWithToken(platform.MintToken(NewUser(), audience: "someone-else"));

        using var response = await client.GetAsync("/accounts");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task An_invalid_token_on_a_guest_route_is_a_401_not_a_guest()
    {
        using var client = ClientWithToken(GatewayTokens.Expired(platform, NewUser()));

        using var response = await client.PostAsJsonAsync("/carts", new { });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task A_valid_token_passes_the_gateway_on_a_signed_in_route()
    {
        using var client = platform.CreateGatewayClient(NewUser());

        using var response = await client.GetAsync("/accounts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_forged_identity_header_without_a_token_is_still_a_401()
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/accounts");
        request.Headers.Add("X-User-Id", "victim");
        request.Headers.Add("X-Forwarded-User", "victim");
        request.Headers.Add("X-Authenticated-User", "victim");

        using var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task A_forged_identity_header_does_not_reach_another_users_account()
    {
        var victim = NewUser();
        using var victimClient = platform.CreateGatewayClient(victim);
        using var created = await victimClient.PostAsJsonAsync("/accounts", new { currency = "EUR" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var accountId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accountId").GetString();

        using var attacker = platform.CreateGatewayClient(NewUser());
        foreach (var header in new[] { "X-User-Id", "X-Forwarded-User", "X-Authenticated-User-Id", "X-Remote-User" })
        {
            attacker.DefaultRequestHeaders.Add(header, victim);
        }

        using var read = await attacker.GetAsync($"/accounts/{accountId}");
        var listed = await attacker.GetFromJsonAsync<JsonElement>("/accounts");

        Assert.Contains(read.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.DoesNotContain(accountId!, listed.GetRawText(), StringComparison.Ordinal);
    }

    private HttpClient ClientWithToken(string token)
    {
        var client = platform.CreateGatewayClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string NewUser() => $"user-{Guid.NewGuid():N}";
}
