using DynamoDbStorage;

namespace UnitTests.DynamoDbStorage;

public sealed class DynamoDbOptionsValidatorTests
{
    [Theory]
    [InlineData("00:00:02", true)]
    [InlineData("00:01:00", true)]
    [InlineData("00:00:00", false)]
    [InlineData("-00:00:01", false)]
    [InlineData("00:01:00.001", false)]
    public void A_request_timeout_is_more_than_zero_and_at_most_a_minute(string timeout, bool valid)
    {
        var result = new DynamoDbOptionsValidator().Validate(null, new DynamoDbOptions { RequestTimeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void A_table_name_DynamoDB_would_refuse_fails_at_start_up()
    {
        var options = new DynamoDbOptions { Tables = { ["carts"] = "no spaces allowed" } };

        Assert.False(new DynamoDbOptionsValidator().Validate(null, options).Succeeded);
    }
}
