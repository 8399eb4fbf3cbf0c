using Gateway.Security;

namespace UnitTests.Gateway;

public class ForwardedHeadersSettingsValidatorTests
{
    [Theory]
    [InlineData("10.0.0.0/16")]
    [InlineData("fd00::/8")]
    public void A_cidr_range_is_valid(string network) =>
        Assert.True(new ForwardedHeadersSettingsValidator().Validate(null, new ForwardedHeadersSettings { TrustedNetworks = [network] }).Succeeded);

    [Theory]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/33")]
    [InlineData("alb.internal")]
    public void Anything_else_is_refused_at_start_up(string network) =>
        Assert.False(new ForwardedHeadersSettingsValidator().Validate(null, new ForwardedHeadersSettings { TrustedNetworks = [network] }).Succeeded);
}
