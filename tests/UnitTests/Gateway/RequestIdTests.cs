using Microsoft.Extensions.Primitives;
using ServiceDefaults.Correlation;

namespace UnitTests.Gateway;

/// <summary>The request id piece of ServiceDefaults, which the gateway relies on to correlate.</summary>
public class RequestIdTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("01JD3Z5Y8K9ZQ4W6X7V2B1N0M3")]
    [InlineData("3fa85f64-5717-4562-b3fc-2c963f66afa6")]
    [InlineData("client.req_1:2")]
    public void A_sane_client_id_is_kept(string value) => Assert.Equal(value, RequestId.FromHeader(new StringValues(value)));

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("<script>")]
    [InlineData("line\nbreak")]
    [InlineData("é")]
    public void An_insane_client_id_is_replaced(string value) => Assert.Matches("^[0-9a-f]{32}$", RequestId.FromHeader(new StringValues(value)));

    [Fact]
    public void An_overlong_client_id_is_replaced() =>
        Assert.NotEqual(new string('a', RequestId.MaxLength + 1), RequestId.FromHeader(new StringValues(new string('a', RequestId.MaxLength + 1))));

    [Fact]
    public void Two_ids_in_one_request_are_replaced() =>
        Assert.Matches("^[0-9a-f]{32}$", RequestId.FromHeader(new StringValues(["a", "b"])));

    [Fact]
    public void A_missing_id_is_created() => Assert.Matches("^[0-9a-f]{32}$", RequestId.FromHeader(StringValues.Empty));
}
