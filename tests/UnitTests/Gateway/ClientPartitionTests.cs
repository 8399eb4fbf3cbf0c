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
        Assert.Equal("user:user-1", ClientPartition.Client(SignedIn, "device-aaaaaaaaaaaaaa"));

    [Fact]
    public void A_guest_counts_as_the_device() =>
        Assert.Equal("device:device-aaaaaaaaaaaaaa", ClientPartition.Client(Anonymous, "device-aaaaaaaaaaaaaa"));

    [Fact]
    public void A_client_with_neither_counts_against_its_address_alone() =>
        Assert.Null(ClientPartition.Client(Anonymous, null));

    [Fact]
    public void Every_request_counts_against_its_address() =>
        Assert.Equal("ip:10.0.0.1", ClientPartition.Address("10.0.0.1"));

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public void Health_probes_are_never_limited(string path) => Assert.True(ClientPartition.IsExempt(new PathString(path)));

    [Fact]
    public void Api_routes_are_limited() => Assert.False(ClientPartition.IsExempt(new PathString("/carts")));
}
