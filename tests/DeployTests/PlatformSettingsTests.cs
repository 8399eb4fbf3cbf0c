using Amazon.CDK;
using Deploy;

namespace DeployTests;

public class PlatformSettingsTests
{
    [Theory]
    [InlineData(null, 0.1)]
    [InlineData("0", 0.0)]
    [InlineData("0.25", 0.25)]
    [InlineData("1", 1.0)]
    public void The_trace_sample_ratio_defaults_to_a_tenth_and_takes_any_share(string? context, double expected) =>
        Assert.Equal(expected, Settings(context).TraceSampleRatio);

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("a tenth")]
    public void A_trace_sample_ratio_outside_zero_to_one_is_refused(string context) =>
        Assert.Contains("traceSampleRatio", Assert.Throws<ArgumentException>(() => Settings(context)).Message, StringComparison.Ordinal);

    private static PlatformSettings Settings(string? traceSampleRatio)
    {
        var context = new Dictionary<string, object> { ["env"] = "test" };
        if (traceSampleRatio is not null)
        {
            context["traceSampleRatio"] = traceSampleRatio;
        }

        return PlatformSettings.FromContext(new App(new AppProps { Context = context }).Node);
    }
}
