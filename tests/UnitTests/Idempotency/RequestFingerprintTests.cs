using System.Text;
using Idempotency;

namespace UnitTests.Idempotency;

public class RequestFingerprintTests
{
    [Fact]
    public void Key_order_and_white_space_do_not_change_the_fingerprint()
    {
        var a = Fingerprint("POST", "/carts/1/items", """{"sku":"A","qty":2,"attrs":{"size":"M","color":"red"}}""");
        var b = Fingerprint("POST", "/carts/1/items", """{ "qty": 2, "attrs": { "color": "red", "size": "M" }, "sku": "A" }""");

        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData("POST", "/carts/1/items", """{"sku":"A","qty":3}""")]
    [InlineData("POST", "/carts/2/items", """{"sku":"A","qty":2}""")]
    [InlineData("PATCH", "/carts/1/items", """{"sku":"A","qty":2}""")]
    [InlineData("POST", "/carts/1/items", """{"sku":"A","qty":2,"extra":null}""")]
    public void A_different_method_path_or_body_changes_the_fingerprint(string method, string path, string body) =>
        Assert.NotEqual(Fingerprint("POST", "/carts/1/items", """{"sku":"A","qty":2}"""), Fingerprint(method, path, body));

    [Fact]
    public void Array_order_matters()
    {
        Assert.NotEqual(
            Fingerprint("PATCH", "/x", """{"promoCodes":["A","B"]}"""),
            Fingerprint("PATCH", "/x", """{"promoCodes":["B","A"]}"""));
    }

    [Fact]
    public void Canonical_form_sorts_nested_keys_ordinally()
    {
        var canonical = Encoding.UTF8.GetString(RequestFingerprint.Canonicalize("""{"b":{"z":1,"a":[{"y":1,"x":2}]},"C":0}"""u8));

        Assert.Equal("""{"C":0,"b":{"a":[{"x":2,"y":1}],"z":1}}""", canonical);
    }

    [Fact]
    public void An_empty_body_and_a_non_json_body_still_fingerprint()
    {
        Assert.Equal(64, Fingerprint("DELETE", "/carts/1/items/a", "").Length);
        Assert.NotEqual(Fingerprint("POST", "/x", "not json"), Fingerprint("POST", "/x", "not json!"));
    }

    [Theory]
    [InlineData("""{"x":"\ud800"}""")]
    [InlineData("""{"\udc00":1}""")]
    public void A_body_with_a_lone_surrogate_fingerprints_as_its_bytes_without_throwing(string body)
    {
        Assert.Equal(Encoding.UTF8.GetBytes(body), RequestFingerprint.Canonicalize(Encoding.UTF8.GetBytes(body)));
        Assert.Equal(64, Fingerprint("POST", "/payments", body).Length);
    }

    [Fact]
    public void A_body_with_duplicate_members_is_not_canonicalized_to_either_of_them()
    {
        // Binding refuses it (400), so it has no canonical form: it is fingerprinted as the bytes sent.
        var body = """{"amount":1,"Amount":3}""";

        Assert.Equal(Encoding.UTF8.GetBytes(body), RequestFingerprint.Canonicalize(Encoding.UTF8.GetBytes(body)));
    }

    private static string Fingerprint(string method, string path, string body) =>
        RequestFingerprint.Compute(method, path, Encoding.UTF8.GetBytes(body));
}
