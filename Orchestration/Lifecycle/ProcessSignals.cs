using System.Runtime.InteropServices;

namespace Orchestration.Lifecycle;

/// <summary>POSIX signals to child processes: .NET can receive them but only sends SIGKILL by itself.</summary>
public static partial class ProcessSignals
{
    public const int SIGINT = 2;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    /// <summary>Sends <paramref name="signal"/>; false when the process is already gone.</summary>
    public static bool Send(int processId, int signal) => kill(processId, signal) == 0;

    /// <summary>Signal 0 checks existence without touching the process.</summary>
    public static bool IsAlive(int processId) => kill(processId, 0) == 0 || Marshal.GetLastPInvokeError() == 1; // EPERM: exists

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
