using Cart.Api.Model;
using Xunit;

namespace UnitTests.Carts;

public class LineKeyTests
{
    [Fact]
    public void Line_key_sorts_attribute_names()
    {
        var lineKey = LineKey.Canonicalize(new Dictionary<string, string> { ["size"] = "M", ["color"] = "Navy" });

        Assert.Equal("color:Navy;size:M", lineKey);
    }

    [Fact]
    public void Line_key_sorts_ordinally_so_upper_case_comes_before_lower_case()
    {
        var lineKey = LineKey.Canonicalize(new Dictionary<string, string> { ["b"] = "1", ["a"] = "2", ["Z"] = "3" });

        Assert.Equal("Z:3;a:2;b:1", lineKey);
    }

    [Fact]
    public void Same_attributes_in_any_order_give_the_same_line_key()
    {
        var first = LineKey.Canonicalize(new Dictionary<string, string> { ["size"] = "M", ["color"] = "Navy", ["fit"] = "slim" });
        var second = LineKey.Canonicalize(new Dictionary<string, string> { ["fit"] = "slim", ["color"] = "Navy", ["size"] = "M" });

        Assert.Equal(first, second);
    }

    [Fact]
    public void No_attributes_give_the_fixed_empty_token()
    {
        Assert.Equal(LineKey.Empty, LineKey.Canonicalize(null));
        Assert.Equal(LineKey.Empty, LineKey.Canonicalize(new Dictionary<string, string>()));
    }

    [Fact]
    public void Attribute_values_keep_their_case()
    {
        Assert.NotEqual(
            LineKey.Canonicalize(new Dictionary<string, string> { ["color"] = "navy" }),
            LineKey.Canonicalize(new Dictionary<string, string> { ["color"] = "Navy" }));
    }
}
