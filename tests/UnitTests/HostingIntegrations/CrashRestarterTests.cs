using HostingIntegrations.Restarts;

namespace UnitTests.HostingIntegrations;

public sealed class CrashRestarterTests
{
    [Theory]
    [InlineData("Running", "Finished", -1, true)]   // SIGKILL, as DCP reports it
    [InlineData("Running", "Finished", 134, true)]  // an abort
    [InlineData("Running", "Finished", 0, true)]    // a host whose background service failed stops with 0
    [InlineData("Stopping", "Finished", 0, false)]  // the Stop command, as DCP reports it
    [InlineData("Stopping", "Finished", -1, false)] // a stop that had to kill
    [InlineData("Starting", "Finished", 1, false)]  // never ran: Aspire reports the failed start
    [InlineData("Running", "Exited", 1, false)]
    public void Only_a_running_process_that_ended_by_itself_is_a_crash(string previous, string state, int exitCode, bool crash)
    {
        Assert.Equal(crash, CrashRestarter.IsCrash(previous, state, exitCode));
    }
}
