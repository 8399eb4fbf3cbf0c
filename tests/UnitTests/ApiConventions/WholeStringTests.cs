using Cart.Api.Model;
using System.Reflection;
using System.Text.RegularExpressions;
using ApiConventions.Validation;

namespace UnitTests.ApiConventions;

public partial class WholeStringTests
{
    [Theory]
    [InlineData("USD\n")]
    [InlineData("USD\r\n")]
    [InlineData("\nUSD")]
    [InlineData("US\u0000D")]
    [InlineData("USDX")]
    [InlineData("")]
    [InlineData(null)]
    public void Only_the_whole_string_matches(string? value) => Assert.False(Currency().MatchesWhole(value));

    [Fact]
    public void A_dollar_anchored_pattern_still_does_not_admit_a_trailing_newline()
    {
        Assert.Matches(DollarAnchored(), "USD\n"); // what the rule exists for
        Assert.False(DollarAnchored().MatchesWhole("USD\n"));
        Assert.True(DollarAnchored().MatchesWhole("USD"));
    }

    [Theory]
    [InlineData("a\u007Fb")]
    [InlineData("a\u0085b")]
    [InlineData("\t")]
    public void Control_characters_anywhere_are_refused(string value)
    {
        Assert.True(WholeString.HasControlCharacter(value));
        Assert.False(Anything().MatchesWhole(value));
    }

    [Fact]
    public void A_well_formed_value_matches() => Assert.True(Currency().MatchesWhole("USD"));

    [Fact]
    public void No_pattern_of_the_services_is_anchored_with_a_dollar()
    {
        var assemblies = new[]
        {
            typeof(global::ApiConventions.Problems.ApiError).Assembly,
            typeof(global::Cart.Api.Model.CartIds).Assembly,
            typeof(global::Payments.Api.PaymentsJsonContext).Assembly,
            typeof(global::DynamoDbStorage.DynamoDbOptions).Assembly,
            typeof(global::Idempotency.IdempotencyKey).Assembly,
        };

        var patterns = assemblies
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Select(method => (Method: $"{method.DeclaringType!.Name}.{method.Name}", Attribute: method.GetCustomAttribute<GeneratedRegexAttribute>()))
            .Where(found => found.Attribute is not null)
            .ToList();

        Assert.NotEmpty(patterns);
        Assert.All(patterns, found => Assert.False(
            found.Attribute!.Pattern.EndsWith('$') && !found.Attribute.Pattern.EndsWith(@"\$", StringComparison.Ordinal),
            $"{found.Method} ends with '$', which admits a trailing newline: use \\z"));
    }

    [GeneratedRegex(@"\A[A-Z]{3}\z")]
    private static partial Regex Currency();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex DollarAnchored();

    [GeneratedRegex(@"[\s\S]*")]
    private static partial Regex Anything();
}
