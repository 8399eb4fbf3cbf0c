using Gateway.RateLimiting;

namespace UnitTests.Gateway;

public class RateLimitingOptionsTests
{
    [Fact]
    public void The_defaults_are_a_storefronts_a_few_dozen_per_client_and_ten_times_that_per_address()
    {
        var options = new RateLimitingOptions();

        Assert.True(options.Enabled);
        Assert.Equal((40, 20, TimeSpan.FromSeconds(1)), (options.Client.TokenLimit, options.Client.TokensPerPeriod, options.Client.ReplenishmentPeriod));
        Assert.Equal((400, 200, TimeSpan.FromSeconds(1)), (options.Ip.TokenLimit, options.Ip.TokensPerPeriod, options.Ip.ReplenishmentPeriod));
        Assert.True(new RateLimitingOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void A_bucket_without_tokens_is_refused_at_start_up()
    {
        var options = new RateLimitingOptions { Ip = new TokenBucketSettings { TokenLimit = 0, TokensPerPeriod = 10 } };

        var result = new RateLimitingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("TokenLimit", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replenishment_period_under_ten_milliseconds_is_refused_at_start_up()
    {
        var options = new RateLimitingOptions { Client = new TokenBucketSettings { TokenLimit = 40, TokensPerPeriod = 20, ReplenishmentPeriod = TimeSpan.Zero } };

        Assert.True(new RateLimitingOptionsValidator().Validate(null, options).Failed);
    }
}
