namespace Gateway.Security;

/// <summary>The storefront origins allowed to call the API from a browser (section <c>Cors</c>).</summary>
internal sealed class StorefrontCorsOptions
{
    public const string SectionName = "Cors";

    /// <summary>Exact origins (<c>https://shop.example.com</c>); no wildcard, since requests carry the device cookie.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may cache a preflight answer.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);
}

internal sealed class StorefrontCorsOptionsValidator : IValidateOptions<StorefrontCorsOptions>
{
    public ValidateOptionsResult Validate(string? name, StorefrontCorsOptions options)
    {
        var invalid = options.AllowedOrigins.Where(origin => !IsOrigin(origin)).ToArray();
        return invalid.Length == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Cors:AllowedOrigins must be exact http(s) origins without a path or wildcard: {string.Join(", ", invalid)}");
    }

    private static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && !origin.Contains('*', StringComparison.Ordinal)
        && string.Equals(uri.GetLeftPart(UriPartial.Authority), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
