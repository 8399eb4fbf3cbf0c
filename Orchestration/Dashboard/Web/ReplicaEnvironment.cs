namespace Orchestration.Dashboard.Web;

/// <summary>The environment a replica was given, as the engine computes it, with secrets masked for display.</summary>
public static class ReplicaEnvironment
{
    public const string Mask = "••••••••";

    private static readonly string[] SecretWords = ["KEY", "SECRET", "TOKEN", "PASSWORD"];

    /// <summary>The same variables <c>LaunchPlan.For</c> gives the process (callbacks, then references).</summary>
    public static IReadOnlyDictionary<string, string> Of(ResourceReplica replica, EndpointResolver endpoints)
    {
        var context = new EnvironmentContext(replica, endpoints);
        foreach (var callback in replica.Resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            callback.Callback(context);
        }

        foreach (var reference in replica.Resource.Annotations.OfType<ReferenceAnnotation>())
        {
            if (reference.Resource is IReferenceableResource referenceable)
            {
                referenceable.ApplyReference(context);
            }
        }

        return context.Variables.AsReadOnly();
    }

    /// <summary>
    /// Masks every variable whose name says it is a secret (KEY, SECRET, TOKEN, PASSWORD, in any case), and any other
    /// variable that carries one of those values (a signing key copied under another name).
    /// </summary>
    public static IReadOnlyList<EnvironmentVariable> Masked(IReadOnlyDictionary<string, string> variables)
    {
        var secrets = variables.Where(v => IsSecretName(v.Key) && v.Value.Length > 0).Select(v => v.Value).ToHashSet(StringComparer.Ordinal);
        return variables
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => IsSecretName(v.Key) || secrets.Contains(v.Value)
                ? new EnvironmentVariable(v.Key, Mask, Masked: true)
                : new EnvironmentVariable(v.Key, v.Value, Masked: false))
            .ToArray();
    }

    public static bool IsSecretName(string name) => SecretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));
}

public sealed record EnvironmentVariable(string Name, string Value, bool Masked);
