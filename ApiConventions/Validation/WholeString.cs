using System.Diagnostics.CodeAnalysis;
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
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
