using Bench;
using Xunit;

namespace UnitTests.Bench;

public class BenchReportTests
{
    [Fact]
    public void A_new_report_keeps_the_history_written_under_the_last_one()
    {
        const string report = "# Benchmarks\n\n## 1. Cached cart read\n\nfigures\n\n## History\n\n| change | read |\n| --- | --- |\n| before | 64 % |\n";

        Assert.Equal("## History\n\n| change | read |\n| --- | --- |\n| before | 64 % |", BenchReport.HistoryOf(report));
    }

    [Fact]
    public void A_report_without_history_gives_none()
    {
        Assert.Equal("", BenchReport.HistoryOf("# Benchmarks\n\n## 1. Cached cart read\n\nthe History of nothing\n"));
    }

    [Fact]
    public void Sections_are_written_by_their_number_whatever_order_the_scenarios_ran_in()
    {
        string[] ran = ["## 4. Write → CloudEvent", "## 3. Payment", "## Soak", "## 2. Add item", "## 10. Later", "## 1. Cached cart read"];

        Assert.Equal(["## 1. Cached cart read", "## 2. Add item", "## 3. Payment", "## 4. Write → CloudEvent", "## 10. Later", "## Soak"], BenchReport.InReadingOrder(ran));
    }
}
