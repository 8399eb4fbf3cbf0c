using System.Net;
using System.Net.Http.Json;

namespace IntegrationTests.Gateway;

/// <summary>Oversized bodies, absurd targets and header abuse are answered at the door.</summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayRequestLimitTests(PlatformFixture platform)
{
    private const int OverLimit = 64 * 1024 + 1;

    [Fact]
    public async Task An_oversized_body_is_a_413_problem()
    {
        using var client = platform.CreateGatewayClient();

        using var response = await client.PostAsJsonAsync("/carts", new { padding = new string('x', OverLimit) });

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
    }

    [Fact]
    public async Task An_oversized_chunked_body_is_a_413()
    {
        using var client = platform.CreateGatewayClient();
        var body = new StreamContent(new MemoryStream(new byte[OverLimit * 2]));
        body.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/carts") { Content = body };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("/carts/../accounts")]
    [InlineData("/carts/%2e%2e/accounts")]
    [InlineData("/carts/x%2F..%2Faccounts")]
    [InlineData("/carts/x%00")]
    [InlineData("/carts/x%0d%0aSet-Cookie:%20a=b")]
    [InlineData("/carts//attach")]
    public async Task A_path_with_traversal_or_control_characters_is_a_400(string target)
    {
        Assert.Equal(400, await RawHttp.GetStatusAsync(platform.Gateway, target));
    }

    [Fact]
    public async Task An_absurdly_long_target_is_rejected()
    {
        var status = await RawHttp.GetStatusAsync(platform.Gateway, "/carts/" + new string('a', 4096));

        Assert.Equal(414, status);
    }

    [Fact]
    public async Task An_absurdly_long_header_is_a_431_problem()
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/carts/some-cart");
        request.Headers.TryAddWithoutValidation("X-Padding", new string('a', 9000));

        using var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestHeaderFieldsTooLarge, "BAD_REQUEST");
    }
}
