namespace Orchestration.ApplicationModel;

/// <summary>A process started from a command on the machine (redis-server, java, dotnet).</summary>
public class ExecutableResource(string name, string command, string workingDirectory) : Resource(name)
{
    /// <summary>The program to run: a path, or a name looked up on <c>PATH</c>.</summary>
    public string Command { get; } = command;

    public string WorkingDirectory { get; } = workingDirectory;
}
