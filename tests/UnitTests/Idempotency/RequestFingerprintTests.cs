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
        var canonical = Encoding.UTF8.GetString(RequestFingerprint.Canonicalize("""{"b":{"z":1,"a":[{"y":1,"x":2}]},"B":0}"""u8));

        Assert.Equal("""{"B":0,"b":{"a":[{"x":2,"y":1}],"z":1}}""", canonical);
    }

    [Fact]
    public void An_empty_body_and_a_non_json_body_still_fingerprint()
    {
        Assert.Equal(64, Fingerprint("DELETE", "/carts/1/items/a", "").Length);
        Assert.NotEqual(Fingerprint("POST", "/x", "not json"), Fingerprint("POST", "/x", "not json!"));
    }

    private static string Fingerprint(string method, string path, string body) =>
        RequestFingerprint.Compute(method, path, Encoding.UTF8.GetBytes(body));
}
