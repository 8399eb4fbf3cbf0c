using Payments.Api.Contracts;
using Payments.Api.Validation;
using Xunit;

namespace UnitTests.Payments;

public class AccountValidationTests
{
    [Fact]
    public void An_upper_case_currency_makes_a_valid_account() =>
        Assert.Equal("EUR", AccountValidation.Validate(new CreateAccountRequest("EUR")).Value);

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("")]
    [InlineData(null)]
    public void Currency_must_be_three_upper_case_letters(string? currency) =>
        Assert.Contains("currency", AccountValidation.Validate(new CreateAccountRequest(currency)).Error!.Errors!.Keys);

    [Theory]
    [InlineData("a#b")]
    [InlineData("")]
    [InlineData("../x")]
    public void Ids_that_could_not_be_ours_are_rejected_before_any_read(string id) =>
        Assert.False(AccountValidation.IsId(id));

    [Fact]
    public void Currencies_ids_and_merchants_with_a_trailing_newline_are_refused()
    {
        Assert.False(AccountValidation.Validate(new CreateAccountRequest("USD\n")).Succeeded);
        Assert.False(AccountValidation.IsId("acct-1\n"));
        Assert.False(PaymentValidation.IsMerchantId("merch-9\n"));
        Assert.False(BeneficiaryValidation.IsIban("GB82WEST12345698765432\n"));
    }
}
