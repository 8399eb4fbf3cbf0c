using Bench.Resilience;
using Xunit;

namespace UnitTests.Bench;

public class ResilienceReportTests
{
    [Fact]
    public void A_run_replaces_the_results_section_and_keeps_the_sections_around_it()
    {
        const string document = "# Resilience\n\n## The suite\n\nhow\n\n## Results\n\nold table\n\n## Later\n\nkept\n";

        var updated = ResilienceReport.WithResults(document, "## Results\n\nnew table");

        Assert.Equal("# Resilience\n\n## The suite\n\nhow\n\n## Results\n\nnew table\n\n## Later\n\nkept\n", updated);
    }

    [Fact]
    public void A_first_run_appends_the_results_section()
    {
        var updated = ResilienceReport.WithResults("# Resilience\n\n## The suite\n\nhow\n", "## Results\n\nnew table");

        Assert.Equal("# Resilience\n\n## The suite\n\nhow\n\n## Results\n\nnew table\n", updated);
    }
}
