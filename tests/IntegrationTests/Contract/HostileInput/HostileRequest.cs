using System.Net.Http.Headers;
using System.Text;

namespace IntegrationTests.Contract.HostileInput;

/// <summary>
/// One hostile variant of an operation's request, exactly as it is sent: a reader reproduces it from
/// <see cref="ToString"/> (the target is already percent-encoded; the body is shown as sent, escaped).
/// </summary>
internal sealed record HostileRequest(
    string Variant, HttpMethod Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body, string? ContentType)
{
    /// <summary>
    /// False when the variant's path addresses another route (an empty segment, or a dot-dot the client resolves): the
    /// answer is held to the platform's rules, but not to this operation's declared statuses.
    /// </summary>
    public bool StaysOnRoute { get; init; } = true;

    public const string Json = "application/json";

    /// <summary>The gateway's request body limit (Gateway/README.md), 64 KiB.</summary>
    public const int GatewayBodyLimit = 64 * 1024;

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, new Uri(Target, UriKind.Relative));
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);

            // The gateway refuses a body past its limit from its Content-Length, before reading it, and closes the
            // connection: sent whole, such a body can meet the closed socket (a broken pipe) before the answer is read.
            // A client sending that much asks first (Expect: 100-continue), as this one then does.
            message.Headers.ExpectContinue = Body.Length > GatewayBodyLimit ? true : null;
            if (ContentType is not null)
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
            }
        }

        return message;
    }

    public override string ToString()
    {
        var text = new StringBuilder($"{Method} {Target}");
        foreach (var (name, value) in Headers)
        {
            text.Append($" | {name}: {Shown(value, 80)}");
        }

        if (Body is not null)
        {
            text.Append($" | Content-Type: {ContentType ?? "(none)"} | body ({Body.Length} bytes): {Shown(Encoding.UTF8.GetString(Body), 240)}");
        }

        return text.ToString();
    }

    /// <summary>A value with its control and invisible characters escaped, cut to <paramref name="length"/>.</summary>
    public static string Shown(string value, int length)
    {
        var shown = new StringBuilder();
        foreach (var c in value.Length > length ? value[..length] : value)
        {
            shown.Append(char.IsControl(c) || char.IsSurrogate(c) || c is '\u200B' or '\u202E' or '\uFEFF' ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return value.Length > length ? $"{shown}… ({value.Length} chars)" : shown.ToString();
    }
}
