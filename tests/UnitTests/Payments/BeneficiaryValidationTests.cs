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
}
