namespace Idempotency;

/// <summary>
/// The value of an <c>Idempotency-Key</c> header (draft-ietf-httpapi-idempotency-key-header): 1–255 visible
/// ASCII characters, sent either bare or as a structured-field string (<c>"abc"</c>, with <c>\"</c> and <c>\\</c> escapes).
/// </summary>
public readonly record struct IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>Marks a response replayed from the key's stored record.</summary>
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    public const int MaxLength = 255;

    private IdempotencyKey(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? header, out IdempotencyKey key, out string error)
    {
        key = default;
        var text = header?.Trim() ?? "";
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            if (!TryUnquote(text, out text))
            {
                error = "The quoted Idempotency-Key is not a valid structured-field string.";
                return false;
            }
        }

        if (text.Length is 0 or > MaxLength)
        {
            error = $"The Idempotency-Key must be 1 to {MaxLength} characters long.";
            return false;
        }

        if (text.Any(c => c is < '!' or > '~'))
        {
            error = "The Idempotency-Key may contain only visible ASCII characters.";
            return false;
        }

        key = new IdempotencyKey(text);
        error = "";
        return true;
    }

    private static bool TryUnquote(string quoted, out string value)
    {
        var builder = new System.Text.StringBuilder(quoted.Length);
        for (var i = 1; i < quoted.Length - 1; i++)
        {
            var c = quoted[i];
            if (c == '\\')
            {
                if (++i == quoted.Length - 1 || quoted[i] is not ('"' or '\\'))
                {
                    value = "";
                    return false;
                }

                c = quoted[i];
            }
            else if (c == '"')
            {
                value = "";
                return false;
            }

            builder.Append(c);
        }

        value = builder.ToString();
        return true;
    }
}
