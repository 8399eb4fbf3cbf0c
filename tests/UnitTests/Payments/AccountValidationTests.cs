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

    [Theory]
    [InlineData("XYZ")]
    [InlineData("AAA")]
    [InlineData("XAU")]
    [InlineData("XTS")]
    public void Currency_must_be_an_active_ISO_4217_code(string currency) =>
        Assert.Equal(["currency"], AccountValidation.Validate(new CreateAccountRequest(currency)).Error!.Errors!.Keys);

    [Fact]
    public void Payments_and_deposits_refuse_a_currency_that_is_not_ISO_4217()
    {
        Assert.Equal(["currency"], PaymentValidation.Validate(new PaymentRequest("acct-1", 100, "XYZ", "merchant-1", null)).ToError().Errors!.Keys);
        Assert.Equal(["currency"], PaymentValidation.Validate(new DepositRequest(100, "AAA", null)).ToError().Errors!.Keys);
        Assert.True(PaymentValidation.Validate(new PaymentRequest("acct-1", 100, "JPY", "merchant-1", null)).IsEmpty);
    }

    [Theory]
    [InlineData("Invoice 42\n")]
    [InlineData("Invoice\u0000 42")]
    [InlineData("Invoice \u202E24")]
    [InlineData("Invoice\u200B42")]
    public void Descriptions_of_payments_refunds_and_deposits_refuse_control_and_invisible_characters(string description)
    {
        Assert.Equal(["description"], PaymentValidation.Validate(new PaymentRequest("acct-1", 100, "EUR", "merchant-1", description)).ToError().Errors!.Keys);
        Assert.Equal(["description"], PaymentValidation.Validate(new RefundRequest(null, description)).ToError().Errors!.Keys);
        Assert.Equal(["description"], PaymentValidation.Validate(new DepositRequest(100, "EUR", description)).ToError().Errors!.Keys);
    }
}
