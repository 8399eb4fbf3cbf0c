using System.Text.RegularExpressions;

namespace Orchestration.ApplicationModel;

/// <summary>Resource names follow Aspire's rule: kebab-case, starting with a letter.</summary>
public static partial class ResourceNames
{
    public static string Validate(string name)
    {
        if (!Pattern().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a valid resource name: use lower-case letters, digits and single hyphens, starting with a letter.", nameof(name));
        }

        return name;
    }

    /// <summary>The environment-variable form of a name: <c>cart-api</c> → <c>CART_API</c>.</summary>
    public static string ToEnvironmentName(string name) => name.Replace('-', '_').ToUpperInvariant();

    [GeneratedRegex("^[a-z](?:-?[a-z0-9])*$")]
    private static partial Regex Pattern();
}
