using System.Text;
using ApiConventions.Problems;

namespace ApiConventions.Validation;

/// <summary>
/// The one rule for free text a client writes — names, nicknames, descriptions, attribute values (DESIGN §3 "no
/// control characters anywhere"): any printable text, but no character that is invisible or changes how the text
/// around it reads. A refusal is a field error (422 <c>VALIDATION_FAILED</c>) naming the character.
/// </summary>
/// <remarks>
/// Refused: the control characters identifiers refuse too (<see cref="WholeString.IsControl"/>: C0 U+0000–U+001F,
/// DEL, C1 U+0080–U+009F); the line and paragraph separators U+2028 and U+2029 (they end a line in logs, CSV exports
/// and JavaScript); and every format character (Unicode Cf) — the bidi marks, embeddings, overrides and isolates
/// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) that make a name or a payment reference display as another
/// ("Trojan Source", CVE-2021-42574), zero-width spaces and word joiners (U+200B, U+2060), the byte-order mark U+FEFF,
/// the soft hyphen and the tag characters U+E0000–U+E007F, which hide text from the person reading it. Allowed among
/// them: the zero-width non-joiner and joiner (U+200C, U+200D), without which Persian, the Indic scripts and emoji
/// sequences cannot be spelled. One rule for every field: a description is stored and shown as one line, so it has no
/// more use for a line break than a name has. Lone surrogates never get here: the JSON reader refuses them (400).
/// </remarks>
public static class FreeText
{
    private const int ZeroWidthNonJoiner = 0x200C;
    private const int ZeroWidthJoiner = 0x200D;

    /// <summary>
    /// True when <paramref name="value"/> is null or holds no refused character; otherwise adds a field error on
    /// <paramref name="field"/> naming the first one, and answers false.
    /// </summary>
    public static bool Validate(string? value, string field, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null || FirstRefused(value) is not { } refused)
        {
            return true;
        }

        errors.Add(field, string.Create(
            CultureInfo.InvariantCulture,
            $"Must not contain control characters, line or paragraph separators or invisible formatting characters such as bidi overrides (found U+{refused.Value:X4})."));
        return false;
    }

    /// <summary>The first character of <paramref name="value"/> free text may not hold, or null when there is none.</summary>
    public static Rune? FirstRefused(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var rune in value.EnumerateRunes())
        {
            if (!Allows(rune))
            {
                return rune;
            }
        }

        return null;
    }

    /// <summary>Whether free text may hold <paramref name="rune"/>.</summary>
    public static bool Allows(Rune rune) =>
        !WholeString.IsControl(rune) && Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => false,
            UnicodeCategory.Format => rune.Value is ZeroWidthNonJoiner or ZeroWidthJoiner,
            _ => true,
        };
}
