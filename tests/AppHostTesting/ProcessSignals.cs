using System.Runtime.InteropServices;

namespace AppHostTesting;

/// <summary>POSIX signals, for faults injected for real: .NET receives them but sends only SIGKILL by itself.</summary>
public static partial class ProcessSignals
{
    public const int SIGINT = 2;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;
    public const int SIGCONT = 18;
    public const int SIGSTOP = 19;

    /// <summary>Sends <paramref name="signal"/> to a process (or, with a negative id, to a process group); false when it is gone.</summary>
    public static bool Send(int processId, int signal) => kill(processId, signal) == 0;

    /// <summary>Signal 0 checks existence without touching the process.</summary>
    public static bool IsAlive(int processId) => kill(processId, 0) == 0 || Marshal.GetLastPInvokeError() == 1; // EPERM: it exists

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
