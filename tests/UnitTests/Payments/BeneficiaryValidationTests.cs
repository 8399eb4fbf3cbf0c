using Payments.Api.Validation;
using Xunit;

namespace UnitTests.Payments;

public class BeneficiaryValidationTests
{
    [Theory]
    [InlineData("GB82WEST12345698765432")]
    [InlineData("DE89370400440532013000")]
    public void Real_ibans_pass_the_mod_97_check(string iban) =>
        Assert.True(BeneficiaryValidation.IsIban(iban));

    [Theory]
    [InlineData("GB82WEST12345698765433")]
    [InlineData("GB82")]
    [InlineData("gb82west12345698765432")]
    public void Wrong_ibans_fail(string iban) =>
        Assert.False(BeneficiaryValidation.IsIban(iban));

    [Fact]
    public void Spaces_and_case_are_normalised() =>
        Assert.Equal("GB82WEST12345698765432", BeneficiaryValidation.Validate(new("Ann", "gb82 west 1234 5698 7654 32", null)).Value!.Iban);

    [Theory]
    [InlineData("Ann\u0007Lee", null, "name")]
    [InlineData("Ann \u202Eeel", null, "name")]
    [InlineData("Ann Lee\u2028", null, "name")]
    [InlineData("Ann Lee", "Mum\u0000", "nickname")]
    [InlineData("Ann Lee", "\u2066Mum", "nickname")]
    public void Names_and_nicknames_refuse_control_and_invisible_characters(string name, string? nickname, string field)
    {
        var outcome = BeneficiaryValidation.Validate(new(name, "GB82WEST12345698765432", nickname));

        Assert.False(outcome.Succeeded);
        Assert.Equal([field], outcome.Error.Errors!.Keys);
    }

    [Fact]
    public void Names_in_any_script_are_accepted() =>
        Assert.True(BeneficiaryValidation.Validate(new("Zoë Ångström", "GB82WEST12345698765432", "می\u200Cخواهم")).Succeeded);
}
