using System.Collections.Frozen;
using System.Text.RegularExpressions;
using ApiConventions.Validation;

namespace UnitTests.ApiConventions;

public sealed partial class Iso4217CurrenciesTests
{
    [Theory]
    [InlineData("USD")]
    [InlineData("EUR")]
    [InlineData("GBP")]
    [InlineData("JPY")] // no decimals
    [InlineData("KWD")] // three decimals
    [InlineData("CHF")]
    [InlineData("XOF")] // regional currencies that do have a minor unit
    [InlineData("XPF")]
    [InlineData("XCG")] // the Caribbean guilder, since 2025
    [InlineData("ZWG")]
    [InlineData("SLE")]
    public void Active_currencies_are_accepted(string code) => Assert.True(Iso4217Currencies.IsActive(code));

    [Theory]
    [InlineData("XYZ")] // three capital letters, no currency
    [InlineData("AAA")]
    [InlineData("XAU")] // precious metals: no minor unit
    [InlineData("XAG")]
    [InlineData("XPT")]
    [InlineData("XPD")]
    [InlineData("XTS")] // testing
    [InlineData("XXX")] // no currency
    [InlineData("XDR")] // units of account
    [InlineData("XBA")]
    [InlineData("XSU")]
    [InlineData("XUA")]
    [InlineData("USN")] // funds
    [InlineData("CLF")]
    [InlineData("ANG")] // withdrawn
    [InlineData("HRK")]
    [InlineData("ZWL")]
    [InlineData("BGN")]
    [InlineData("usd")]
    [InlineData("Usd")]
    [InlineData("USD\n")]
    [InlineData(" USD")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? code) => Assert.False(Iso4217Currencies.IsActive(code));

    [Fact]
    public void The_list_is_immutable_and_holds_only_three_capital_letters()
    {
        Assert.IsAssignableFrom<FrozenSet<string>>(Iso4217Currencies.Active);
        Assert.Equal(155, Iso4217Currencies.Active.Count);
        Assert.All(Iso4217Currencies.Active, code => Assert.Matches(ThreeCapitals(), code));
    }

    [GeneratedRegex(@"\A[A-Z]{3}\z")]
    private static partial Regex ThreeCapitals();
}
