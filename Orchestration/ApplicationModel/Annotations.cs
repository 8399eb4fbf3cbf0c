namespace Orchestration.ApplicationModel;

/// <summary>A named network endpoint; <see cref="Port"/> null means "allocate a free one".</summary>
public sealed record EndpointAnnotation(string Name, string Scheme = "http", int? Port = null) : IResourceAnnotation;

/// <summary>The resource starts only after <see cref="Resource"/> is healthy.</summary>
public sealed record WaitAnnotation(IResource Resource) : IResourceAnnotation;

/// <summary>The resource sees <see cref="Resource"/>'s connection information in its environment.</summary>
public sealed record ReferenceAnnotation(IResource Resource) : IResourceAnnotation;

/// <summary>How many copies of a project run side by side.</summary>
public sealed record ReplicaAnnotation(int Replicas) : IResourceAnnotation;

/// <summary>Adds environment variables when a replica is about to start.</summary>
public sealed record EnvironmentCallbackAnnotation(Action<EnvironmentContext> Callback) : IResourceAnnotation;

/// <summary>Adds command-line arguments when a replica is about to start.</summary>
public sealed record ArgumentsCallbackAnnotation(Action<ArgumentsContext> Callback) : IResourceAnnotation;

/// <summary>How the engine decides that a running replica is healthy.</summary>
public sealed record HealthProbeAnnotation(HealthProbeKind Kind, string EndpointName = "http", string Path = "/health") : IResourceAnnotation;

/// <summary>Checked before anything starts; returns an error line when something the resource needs is missing.</summary>
public sealed record PrerequisiteAnnotation(Func<string?> Check) : IResourceAnnotation;

public enum HealthProbeKind
{
    /// <summary>An HTTP GET that returns 2xx.</summary>
    Http,

    /// <summary>Any HTTP answer at all (the server is up, whatever it thinks of the request).</summary>
    HttpAnyResponse,

    /// <summary>A Redis <c>PING</c> answered with <c>PONG</c>.</summary>
    RedisPing,
}
