using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace ApiConventions.Validation;

/// <summary>
/// The one way identifiers, currencies, skus, attribute keys and other shaped strings are checked (DESIGN §3): the
/// pattern must cover the whole string — a <c>$</c> anchor would also accept a trailing <c>"\n"</c>, so patterns are
/// written <c>\A…\z</c> and the match length is checked besides — and no control character may appear anywhere.
/// </summary>
public static class WholeString
{
    /// <summary>True when <paramref name="value"/> is not null, holds no control character and <paramref name="shape"/> matches all of it.</summary>
    public static bool MatchesWhole(this Regex shape, [NotNullWhen(true)] string? value)
    {
        if (value is null || HasControlCharacter(value))
        {
            return false;
        }

        var match = shape.Match(value);
        return match.Success && match.Index == 0 && match.Length == value.Length;
    }

    /// <summary>True when any character is a control character (C0, DEL or C1).</summary>
    public static bool HasControlCharacter(string value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            if (IsControl(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The control characters no string a client sends may hold, identifier or <see cref="FreeText"/>: Unicode Cc,
    /// C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F), all in the Basic Multilingual Plane.
    /// </summary>
    public static bool IsControl(Rune rune) => rune.IsBmp && char.IsControl((char)rune.Value);
}
