using Payments.Api.Accounts;
using Xunit;

namespace UnitTests.Payments;

public class AccountValidationTests
{
    [Fact]
    public void A_user_and_an_upper_case_currency_make_a_valid_account() =>
        Assert.True(AccountValidation.Validate(new CreateAccountRequest("user-1", "EUR")).Succeeded);

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("")]
    public void Currency_must_be_three_upper_case_letters(string currency) =>
        Assert.Contains("currency", AccountValidation.Validate(new CreateAccountRequest("user-1", currency)).Error!.Errors!.Keys);

    [Fact]
    public void A_user_id_cannot_carry_the_key_separator() =>
        Assert.Contains("userId", AccountValidation.Validate(new CreateAccountRequest("a#b", "USD")).Error!.Errors!.Keys);
}
