using System.Text;
using ApiConventions.Json;

namespace UnitTests.ApiConventions;

public class StrictJsonTests
{
    [Theory]
    [InlineData("""{"x":"\ud800"}""")]
    [InlineData("""{"x":"\udc00\ud800"}""")]
    [InlineData("""{"\ud800":"x"}""")]
    [InlineData("""{"attrs":{"size":"M\ud83d"}}""")]
    public void A_lone_surrogate_anywhere_is_not_strict_json(string json)
    {
        Assert.False(StrictJson.IsStrict(Encoding.UTF8.GetBytes(json), out var violation));
        Assert.Contains("surrogate", violation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"amount":1,"amount":3}""", "amount")]
    [InlineData("""{"amount":1,"Amount":3}""", "Amount")]
    [InlineData("""{"sku":"A","attrs":{"size":"M","SIZE":"L"}}""", "SIZE")]
    [InlineData("""[{"a":{"b":1,"B":2}}]""", "B")]
    public void A_member_twice_in_one_object_is_not_strict_json_also_when_the_names_differ_only_by_case(string json, string name)
    {
        Assert.False(StrictJson.IsStrict(Encoding.UTF8.GetBytes(json), out var violation));
        Assert.Contains($"\"{name}\"", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_not_strict_json()
    {
        byte[] json = [.. "{\"x\":\""u8, 0xFF, .. "\"}"u8];

        Assert.False(StrictJson.IsStrict(json, out _));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{} {}")]
    [InlineData("{'a':1}")]
    [InlineData("{\"a\":1,}")]
    public void Malformed_json_is_not_strict_json(string json) => Assert.False(StrictJson.IsStrict(Encoding.UTF8.GetBytes(json), out _));

    [Theory]
    [InlineData("""{"x":"\ud83d\ude00","y":"é"}""")]
    [InlineData("""{"a":{"n":1},"b":{"n":2},"items":[{"n":1},{"n":2}]}""")]
    [InlineData("""[1,"two",null,true]""")]
    public void Well_formed_json_with_distinct_members_per_object_is_strict(string json) =>
        Assert.True(StrictJson.IsStrict(Encoding.UTF8.GetBytes(json), out _));

    [Fact]
    public void A_utf8_byte_order_mark_is_skipped_as_the_serializer_skips_it()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. "{\"a\":1}"u8];

        Assert.True(StrictJson.IsStrict(json, out _));
        Assert.Equal("""{"a":1}""", Encoding.UTF8.GetString(CanonicalJson.TryCanonicalize(json)!));
    }

    [Fact]
    public void Json_that_is_not_strict_has_no_canonical_form() =>
        Assert.Null(CanonicalJson.TryCanonicalize("""{"amount":1,"Amount":3}"""u8));
}
