using Gateway.Security;
using Microsoft.AspNetCore.Http;

namespace UnitTests.Gateway;

public class RequestShapeTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/carts")]
    [InlineData("/carts/")]
    [InlineData("/carts/01JCART/items/SKU-1%23size%3AM")]
    [InlineData("/accounts?limit=10&cursor=abc%2F..")]
    [InlineData("/carts/a.b/items/..x")]
    public void A_sane_target_passes(string target) => Assert.Null(RequestShape.CheckTarget(target, 2048));

    [Theory]
    [InlineData("/carts/../accounts")]
    [InlineData("/carts/./x")]
    [InlineData("/carts/%2e%2e/accounts")]
    [InlineData("/carts/%2E%2E")]
    [InlineData("/carts/x%2Faccounts")]
    [InlineData("/carts/x%5caccounts")]
    [InlineData("/carts/x\\y")]
    [InlineData("/carts/x%00")]
    [InlineData("/carts/x%0d%0aSet-Cookie")]
    [InlineData("/carts//attach")]
    [InlineData("carts")]
    public void A_traversal_or_control_character_is_a_400(string target)
    {
        var error = RequestShape.CheckTarget(target, 2048);

        Assert.NotNull(error);
        Assert.Equal(400, error.Status);
    }

    [Fact]
    public void A_target_over_the_limit_is_a_414() =>
        Assert.Equal(414, RequestShape.CheckTarget("/carts/" + new string('a', 100), 64)?.Status);

    [Fact]
    public void A_header_over_the_limit_is_a_431() =>
        Assert.Equal(431, RequestShape.CheckHeader("X-Padding", new string('a', 300), 256)?.Status);

    [Theory]
    [InlineData("a\u0001b")]
    [InlineData("a\nb")]
    [InlineData("a\u007fb")]
    public void A_header_with_control_characters_is_a_400(string value) =>
        Assert.Equal(400, RequestShape.CheckHeader("X-Test", value, 8192)?.Status);

    [Theory]
    [InlineData("Bearer abc.def.ghi")]
    [InlineData("a\tb")]
    public void A_sane_header_passes(string value) => Assert.Null(RequestShape.CheckHeader("X-Test", value, 8192));

    [Theory]
    [InlineData("\u043a\u043b\u044e\u0447")]
    [InlineData("caf\u00e9")]
    [InlineData("\u00d0\u00ba")] // UTF-8 bytes as Kestrel hands them over (Latin-1)
    [InlineData("\u00d1\u008e")] // a continuation byte that reads as a C1 control
    public void A_non_ascii_header_is_a_400(string value)
    {
        var error = RequestShape.CheckHeader("Idempotency-Key", value, 8192);

        Assert.Equal(400, error?.Status);
        Assert.Contains("non-ASCII", error!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    public void A_served_method_passes(string method) => Assert.Null(RequestShape.CheckMethod(method));

    [Theory]
    [InlineData("CONNECT")]
    [InlineData("TRACE")]
    [InlineData("HEAD")]
    [InlineData("PROPFIND")]
    [InlineData("get")]
    public void Any_other_method_is_a_405(string method)
    {
        var error = RequestShape.CheckMethod(method);

        Assert.Equal(405, error?.Status);
        Assert.Equal("METHOD_NOT_ALLOWED", error!.Code);
    }

    [Fact]
    public void More_header_fields_than_the_limit_is_a_431()
    {
        var headers = new HeaderDictionary();
        for (var i = 0; i < 11; i++)
        {
            headers[$"X-{i}"] = "v";
        }

        Assert.Equal(431, RequestShape.CheckHeaderSection(headers, 10, 32 * 1024)?.Status);
        Assert.Null(RequestShape.CheckHeaderSection(headers, 11, 32 * 1024));
    }

    [Fact]
    public void A_header_section_over_the_total_limit_is_a_431()
    {
        var headers = new HeaderDictionary { ["X-A"] = new string('a', 600), ["X-B"] = new string('b', 600) };

        Assert.Equal(431, RequestShape.CheckHeaderSection(headers, 100, 1024)?.Status);
        Assert.Null(RequestShape.CheckHeaderSection(headers, 100, 2048));
    }
}
