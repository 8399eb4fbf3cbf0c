using System.Text.Json;

namespace ApiConventions.Json;

/// <summary>
/// The one rule for JSON that a request may carry (DESIGN §3): well-formed UTF-8 JSON, no lone surrogate in any
/// string or member name, and no member twice in one object — names compared without regard to case, because
/// binding is case-insensitive and would otherwise let the last of <c>"amount"</c> and <c>"Amount"</c> win.
/// </summary>
public static class StrictJson
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>True when <paramref name="json"/> is strict JSON; otherwise <paramref name="violation"/> says why, in plain words.</summary>
    public static bool IsStrict(ReadOnlySpan<byte> json, out string violation)
    {
        var reader = new Utf8JsonReader(WithoutByteOrderMark(json));
        var members = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        members.Push(new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                        break;
                    case JsonTokenType.EndObject:
                        members.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!; // unescapes: throws on a lone surrogate or invalid UTF-8
                        if (!members.Peek().Add(name))
                        {
                            violation = $"The member \"{Shorten(name)}\" appears more than once in one object (member names are compared without regard to case).";
                            return false;
                        }

                        break;
                    case JsonTokenType.String:
                        _ = reader.GetString();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            violation = "The request body is not well-formed JSON.";
            return false;
        }
        catch (InvalidOperationException)
        {
            violation = "The request body is not valid UTF-8 JSON: a string holds invalid UTF-8 or a lone UTF-16 surrogate escape.";
            return false;
        }

        violation = "";
        return true;
    }

    /// <summary>The serializer skips a UTF-8 byte order mark, so the rule and the canonical form do too.</summary>
    internal static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> json) => json.StartsWith(Utf8Bom) ? json[Utf8Bom.Length..] : json;

    private static string Shorten(string name) => name.Length <= 64 ? name : string.Concat(name.AsSpan(0, 64), "…");
}
