using System.Text;
using System.Text.Json;

namespace IntegrationTests.Contract.HostileInput;

/// <summary>The hostile values the sweep tries, by where they go. Each has a name that a failure report shows.</summary>
internal static class HostileValues
{
    /// <summary>Path segments that make the path another route's (the client resolves a dot-dot before sending).</summary>
    public static IReadOnlyList<(string Name, string Segment)> OtherRouteSegments { get; } =
    [
        ("empty", ""),
        ("percent-encoded dot-dot", "%2E%2E"),
    ];

    /// <summary>Path segments, already percent-encoded as they are sent.</summary>
    public static IReadOnlyList<(string Name, string Segment)> PathSegments { get; } =
    [
        ("blank", "%20"),
        ("overlong 300", new string('a', 300)),
        ("overlong past the target limit", new string('a', 2100)),
        ("unicode", "%C3%A9%E6%BC%A2%F0%9F%9B%92"),
        ("percent-encoded slash", "a%2Fb"),
        ("percent-encoded backslash", "a%5Cb"),
        ("NUL", "a%00b"),
        ("trailing newline", "a%0A"),
        ("CR LF", "a%0D%0Ab"),
        ("hash", "a%23b"),
        ("literal percent", "%25"),
        ("invalid UTF-8", "%FF%FE"),
        ("overlong UTF-8 slash", "%C0%AF"),
        ("zero-width space", "a%E2%80%8Bb"),
        ("right-to-left override", "%E2%80%AEab"),
        ("spaces and quotes", "a%20%22b%22%27"),
    ];

    /// <summary>Query values, already percent-encoded (each also sent twice and empty).</summary>
    public static IReadOnlyList<(string Name, string Value)> QueryValues { get; } =
    [
        ("empty", ""),
        ("not a number", "abc"),
        ("negative", "-1"),
        ("zero", "0"),
        ("fraction", "1.5"),
        ("exponent", "1e3"),
        ("past int32", "2147483648"),
        ("past int64", "9223372036854775808"),
        ("huge", "99999999999999999999999999999999"),
        ("overlong", new string('9', 1500)),
        ("NUL", "1%00"),
        ("trailing newline", "1%0A"),
        ("unicode digits", "%D9%A1"),
        ("invalid UTF-8", "%FF"),
        ("plus sign", "%2B1"),
        ("a date of month 13", "2026-13-01"),
        ("a date with a time zone", "2026-01-01T00%3A00%3A00%2B14%3A00"),
        ("base64 of another's key", "eyJQSyI6IkFDQ09VTlQjeCIsIlNLIjoiTUVUQURBVEEifQ"),
        ("not base64", "%21%21%21"),
    ];

    /// <summary>Values for <c>Idempotency-Key</c> (null: the header is absent).</summary>
    public static IReadOnlyList<(string Name, string? Value)> IdempotencyKeys { get; } =
    [
        ("absent", null),
        ("empty", ""),
        ("blank", "   "),
        ("256 characters", new string('k', 256)),
        ("unterminated quote", "\"abc"),
        ("empty quoted string", "\"\""),
        ("inner space", "a b"),
        ("non-ASCII", "ключ"),
        ("a list of two", "a, b"),
        ("tab inside", "a\tb"),
        ("sf-string with an escape", "\"a\\\"b\""),
        ("byte sequence", ":YWJj:"),
    ];

    /// <summary>Values for <c>If-Match</c>.</summary>
    public static IReadOnlyList<(string Name, string Value)> IfMatches { get; } =
    [
        ("empty", ""),
        ("garbage", "garbage"),
        ("unquoted number", "1"),
        ("empty quoted", "\"\""),
        ("weak", "W/\"1\""),
        ("star", "*"),
        ("negative", "\"-1\""),
        ("past int64", "\"99999999999999999999\""),
        ("a list", "\"1\", \"2\""),
        ("unterminated", "\"1"),
        ("non-ASCII", "\"é\""),
    ];

    /// <summary>Whole bodies of the wrong kind, sent as <c>application/json</c>.</summary>
    public static IReadOnlyList<(string Name, byte[] Body)> WrongBodies { get; } =
    [
        ("empty", []),
        ("not JSON", Utf8("not json")),
        ("truncated", Utf8("{\"a\":")),
        ("unclosed object", Utf8("{")),
        ("array", Utf8("[]")),
        ("array of an object", Utf8("[{}]")),
        ("number", Utf8("1")),
        ("null", Utf8("null")),
        ("string", Utf8("\"text\"")),
        ("boolean", Utf8("true")),
        ("empty object", Utf8("{}")),
        ("comment", Utf8("{/* c */}")),
        ("trailing comma", Utf8("{\"a\":1,}")),
        ("single quotes", Utf8("{'a':1}")),
        ("NaN", Utf8("{\"a\":NaN}")),
        ("nested 5,000 deep", Utf8(new string('[', 5000) + new string(']', 5000))),
        ("nested 70 deep", Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 70))),
        ("invalid UTF-8", [(byte)'{', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'1', (byte)'}']),
        ("past the body limit", Utf8("{\"a\":\"" + new string('x', HostileRequest.GatewayBodyLimit + 6 * 1024) + "\"}")),
    ];

    /// <summary>JSON texts that replace a member's value, by the kind they swap to.</summary>
    public static IReadOnlyList<(string Name, string Json)> TypeSwaps { get; } =
    [
        ("a string", "\"text\""),
        ("a number", "7"),
        ("a boolean", "true"),
        ("an object", "{}"),
        ("an array", "[]"),
        ("null", "null"),
    ];

    /// <summary>Numbers (and numbers in strings) for a member the document types as an integer.</summary>
    public static IReadOnlyList<(string Name, string Json)> Numbers { get; } =
    [
        ("zero", "0"),
        ("negative zero", "-0"),
        ("minus one", "-1"),
        ("int32 max + 1", "2147483648"),
        ("int64 max", "9223372036854775807"),
        ("int64 max + 1", "9223372036854775808"),
        ("int64 min", "-9223372036854775808"),
        ("int64 min - 1", "-9223372036854775809"),
        ("decimal max", "79228162514264337593543950335"),
        ("decimal max + 1", "79228162514264337593543950336"),
        ("past double", "1e400"),
        ("exponent", "1e3"),
        ("exponent with sign", "1E+2"),
        ("fraction", "1.5"),
        ("whole fraction", "1.0"),
        ("in a string", "\"2\""),
        ("exponent in a string", "\"1e3\""),
        ("padded in a string", "\" 2\""),
        ("hex in a string", "\"0x10\""),
        ("huge in a string", "\"99999999999999999999999\""),
        ("empty string", "\"\""),
    ];

    /// <summary>Strings for a member the document types as a string.</summary>
    public static IReadOnlyList<(string Name, string Json)> Strings { get; } =
    [
        ("empty", "\"\""),
        ("blank", "\"   \""),
        ("overlong 10,000", JsonSerializer.Serialize(new string('a', 10_000))),
        ("NUL", JsonSerializer.Serialize("a\u0000b")),
        ("trailing newline", JsonSerializer.Serialize("USD\n")),
        ("tab", JsonSerializer.Serialize("a\tb")),
        ("zero-width space", JsonSerializer.Serialize("a\u200Bb")),
        ("right-to-left override", JsonSerializer.Serialize("\u202Eab")),
        ("byte-order mark", JsonSerializer.Serialize("\uFEFFab")),
        ("unicode", JsonSerializer.Serialize("é漢🛒")),
        ("lone surrogate", "\"\\ud800\""),
        ("key separator", "\"a#b\""),
        ("path", "\"../../x\""),
        ("markup", JsonSerializer.Serialize("<script>alert(1)</script>")),
        ("number-like", "\"1e400\""),
    ];

    /// <summary>Hostile member names for an object that takes any member (<c>additionalProperties</c>).</summary>
    public static IReadOnlyList<(string Name, string Member)> MemberNames { get; } =
    [
        ("empty name", ""),
        ("name with a newline", "size\n"),
        ("name with a separator", "a:b;c"),
        ("overlong name", new string('n', 300)),
        ("unicode name", "é漢"),
    ];

    /// <summary>Content types other than JSON (null: none).</summary>
    public static IReadOnlyList<(string Name, string? ContentType)> WrongContentTypes { get; } =
    [
        ("no Content-Type", null),
        ("text/plain", "text/plain"),
        ("application/xml", "application/xml"),
        ("form", "application/x-www-form-urlencoded"),
        ("multipart without a boundary", "multipart/form-data"),
        ("JSON in UTF-16", "application/json; charset=utf-16"),
        ("JSON in an unknown charset", "application/json; charset=klingon"),
        ("JSON in UTF-8, quoted", "application/json; charset=\"UTF-8\""),
        ("JSON in UTF-8 spelt utf8", "application/json; charset=utf8"),
        ("a JSON suffix type", "application/vnd.example+json"),
    ];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
