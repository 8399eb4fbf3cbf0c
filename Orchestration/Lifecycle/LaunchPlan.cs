using Orchestration.Hosting;

namespace Orchestration.Lifecycle;

/// <summary>Everything needed to start one replica: the command, its arguments and the environment the model gives it.</summary>
public sealed record LaunchPlan(string Command, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment, string WorkingDirectory)
{
    /// <summary>Runs the resource's callbacks, then applies what each referenced resource injects.</summary>
    public static LaunchPlan For(ResourceReplica replica, EndpointResolver endpoints)
    {
        var resource = replica.Resource;
        var environment = new EnvironmentContext(replica, endpoints);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            callback.Callback(environment);
        }

        foreach (var reference in resource.Annotations.OfType<ReferenceAnnotation>())
        {
            ((IReferenceableResource)reference.Resource).ApplyReference(environment);
        }

        var arguments = new ArgumentsContext(replica, endpoints);
        foreach (var callback in resource.Annotations.OfType<ArgumentsCallbackAnnotation>())
        {
            callback.Callback(arguments);
        }

        var executable = (ExecutableResource)resource;
        return new LaunchPlan(
            ExecutableLookup.Find(executable.Command) ?? executable.Command,
            [.. arguments.Arguments],
            environment.Variables.AsReadOnly(),
            executable.WorkingDirectory);
    }
}
