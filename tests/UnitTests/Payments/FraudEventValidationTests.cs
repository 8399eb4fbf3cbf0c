using Payments.Api.Contracts;
using Payments.Api.Validation;
using Xunit;

namespace UnitTests.Payments;

public class FraudEventValidationTests
{
    [Theory]
    [InlineData("2026-01-15T10:20:00Z", "2026-01-15T10:20:00.000Z")]
    [InlineData("2026-01-15T10:20:00.5+02:00", "2026-01-15T08:20:00.500Z")]
    [InlineData("2026-01-15T10:20:00.1234567Z", "2026-01-15T10:20:00.123Z")]
    [InlineData("2026-01-15T10:20Z", "2026-01-15T10:20:00.000Z")]
    [InlineData("2026-01-15T10:20:00", "2026-01-15T10:20:00.000Z")]
    [InlineData("2026-01-15", "2026-01-15T00:00:00.000Z")]
    public void A_window_starts_at_an_ISO_8601_instant_or_day_in_UTC(string from, string expected)
    {
        var window = FraudEventValidation.Window(limit: null, from, to: null);

        Assert.True(window.Succeeded);
        Assert.Equal(expected, window.Value.FromTimestamp);
    }

    [Theory]
    [InlineData("1/2/2026")] // January or February, depending on who wrote it
    [InlineData("00:00")] // midnight of whatever day the server's clock says
    [InlineData("Jan 15 2026")]
    [InlineData("15.01.2026 10:20")]
    [InlineData("2026-01-15T10:20:00+01:00 ")]
    public void Anything_else_is_a_field_error_rather_than_a_guess(string from)
    {
        var window = FraudEventValidation.Window(limit: null, from, to: null);

        Assert.False(window.Succeeded);
        Assert.Equal(422, window.Error.Status);
    }

    [Theory]
    [InlineData("login from a new device\r\nIP 10.0.0.1")]
    [InlineData("login from a new device \u202Egnp.exe")]
    [InlineData("\u001B[31mred")]
    public void A_detail_refuses_control_and_invisible_characters(string detail) =>
        Assert.Equal(["detail"], FraudEventValidation.Validate(new("LOGIN_ATTEMPT", detail)).ToError().Errors!.Keys);
}
