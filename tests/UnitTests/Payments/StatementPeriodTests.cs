using Payments.Api.Validation;
using Xunit;

namespace UnitTests.Payments;

public class StatementPeriodTests
{
    [Fact]
    public void A_month_runs_from_the_first_millisecond_of_its_first_day_to_the_last_of_its_last()
    {
        var period = StatementPeriod.Parse("2026-02-01", "2026-02-28").Value!;

        Assert.Equal("2026-02-01T00:00:00.000Z", period.FromTimestamp);
        Assert.Equal("2026-02-28T23:59:59.999Z", period.ToTimestamp);
    }

    [Theory]
    [InlineData("2026-13-01", null, "from")]
    [InlineData(null, "31/01/2026", "to")]
    [InlineData("2026-02-01", "2026-01-31", "to")]
    public void Bad_bounds_are_field_errors(string? from, string? to, string field) =>
        Assert.Contains(field, StatementPeriod.Parse(from, to).Error!.Errors!.Keys);

    [Fact]
    public void Missing_bounds_mean_everything() =>
        Assert.True(StatementPeriod.Parse(null, null).Succeeded);
}
