using ApiConventions.DeviceIdentity;
using Xunit;

namespace UnitTests.ApiConventions;

public class DeviceIdCookieTests
{
    [Fact]
    public void A_new_device_id_is_128_random_bits_in_base64url()
    {
        var first = DeviceIdCookie.NewValue();

        Assert.Matches("^[A-Za-z0-9_-]{22}$", first);
        Assert.NotEqual(first, DeviceIdCookie.NewValue());
        Assert.True(DeviceIdCookie.IsWellFormed(first));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    [InlineData("has#hash-and-enough-chars")]
    public void Values_that_are_not_device_ids_are_ignored(string? value) => Assert.False(DeviceIdCookie.IsWellFormed(value));
}
