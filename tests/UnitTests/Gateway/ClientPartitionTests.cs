using System.Security.Claims;
using Gateway.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace UnitTests.Gateway;

public class ClientPartitionTests
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    private static readonly ClaimsPrincipal SignedIn = new(new ClaimsIdentity([new Claim("sub", "user-1")], "Bearer"));

    [Fact]
    public void A_signed_in_user_counts_as_the_user_whatever_the_device() =>
        Assert.Equal("user:user-1", ClientPartition.For(SignedIn, "device-aaaaaaaaaaaaaa", "10.0.0.1", "/carts"));

    [Fact]
    public void A_guest_counts_as_the_device() =>
        Assert.Equal("device:device-aaaaaaaaaaaaaa", ClientPartition.For(Anonymous, "device-aaaaaaaaaaaaaa", "10.0.0.1", "/carts"));

    [Fact]
    public void A_client_with_neither_counts_as_its_address() =>
        Assert.Equal("ip:10.0.0.1", ClientPartition.For(Anonymous, null, "10.0.0.1", "/carts"));

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public void Health_probes_are_never_limited(string path) => Assert.Null(ClientPartition.For(Anonymous, null, "10.0.0.1", new PathString(path)));
}
