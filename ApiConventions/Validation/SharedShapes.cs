using System.Text.RegularExpressions;

namespace ApiConventions.Validation;

/// <summary>The shapes more than one service checks, written once (match them with <see cref="WholeString.MatchesWhole"/>).</summary>
public static partial class SharedShapes
{
    /// <summary>A server-made id (carts, accounts, transactions, beneficiaries): anything else is a 404 without a read.</summary>
    [GeneratedRegex(@"\A[A-Za-z0-9_-]{1,64}\z")]
    public static partial Regex ServerId();
}
