using Gateway.Security;

namespace UnitTests.Gateway;

public class SpoofableHeadersTests
{
    [Theory]
    [InlineData("X-User-Id")]
    [InlineData("x-user-id")]
    [InlineData("X-Forwarded-User")]
    [InlineData("X-Authenticated-User")]
    [InlineData("X-Authenticated-Userid")]
    [InlineData("X-Remote-User")]
    [InlineData("X-Original-URL")]
    [InlineData("X-Amzn-Oidc-Identity")]
    public void Identity_headers_are_spoofable(string name) => Assert.True(SpoofableHeaders.IsSpoofable(name));

    [Theory]
    [InlineData("Authorization")]
    [InlineData("Cookie")]
    [InlineData("X-Request-Id")]
    [InlineData("Idempotency-Key")]
    [InlineData("X-Forwarded-For")]
    [InlineData("traceparent")]
    public void Ordinary_headers_are_kept(string name) => Assert.False(SpoofableHeaders.IsSpoofable(name));
}
