using Gateway.Security;

namespace UnitTests.Gateway;

public class StorefrontCorsOptionsValidatorTests
{
    [Theory]
    [InlineData("https://shop.example.com")]
    [InlineData("http://localhost:3000")]
    [InlineData("https://shop.example.com/")]
    public void An_exact_origin_is_valid(string origin) =>
        Assert.True(new StorefrontCorsOptionsValidator().Validate(null, new StorefrontCorsOptions { AllowedOrigins = [origin] }).Succeeded);

    [Theory]
    [InlineData("*")]
    [InlineData("https://*.example.com")]
    [InlineData("https://shop.example.com/path")]
    [InlineData("ftp://shop.example.com")]
    [InlineData("shop.example.com")]
    public void A_wildcard_path_or_non_http_origin_is_refused(string origin) =>
        Assert.False(new StorefrontCorsOptionsValidator().Validate(null, new StorefrontCorsOptions { AllowedOrigins = [origin] }).Succeeded);
}
