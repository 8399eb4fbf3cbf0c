using Aspire.Hosting.ApplicationModel;
using HostingIntegrations.Replicas;

namespace Bench;

/// <summary>
/// An environment variable an experiment sets on one resource of the platform (<c>--env gateway:NAME=value</c>,
/// repeatable; <c>cart-api</c> means every replica, <c>cart-api-0</c> one). It is applied after the AppHost's own, so it
/// also replaces what Aspire sets: a variable in the bench's own environment reaches a service only where neither sets it,
/// and <c>OTEL_TRACES_SAMPLER</c>, which Aspire sets to <c>always_on</c>, never did. A run with any is an experiment, not
/// the system as committed: docs/benchmarks.md is left as it was.
/// </summary>
internal sealed record ResourceEnvironment(string Resource, string Name, string Value)
{
    public const string Option = "--env";

    public static IReadOnlyList<ResourceEnvironment> FromArguments(IReadOnlyList<string> args) =>
        [.. args.Select((arg, i) => (arg, i)).Where(a => a.arg == Option).Select(a => Parse(a.i + 1 < args.Count ? args[a.i + 1] : ""))];

    private static ResourceEnvironment Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return colon > 0 && equals > colon + 1
            ? new ResourceEnvironment(text[..colon], text[(colon + 1)..equals], text[(equals + 1)..])
            : throw new ArgumentException($"{Option} takes <resource>:<NAME>=<value>, e.g. gateway:OTEL_TRACES_SAMPLER=always_off; got '{text}'.");
    }

    /// <summary>Adds each setting to its resources' environment callbacks, after those the model has (what <c>WithEnvironment</c> adds).</summary>
    public static void Apply(IResourceCollection resources, IReadOnlyList<ResourceEnvironment> settings)
    {
        foreach (var setting in settings)
        {
            var targets = Targets(resources, setting.Resource);
            if (targets.Length == 0)
            {
                var names = resources.OfType<IResourceWithEnvironment>().Select(r => r.Name).Order(StringComparer.Ordinal);
                throw new ArgumentException($"{Option}: the platform has no resource '{setting.Resource}' to set {setting.Name} on (it has {string.Join(", ", names)}).");
            }

            foreach (var target in targets)
            {
                target.Annotations.Add(new EnvironmentCallbackAnnotation(setting.Name, () => setting.Value));
            }
        }
    }

    private static IResourceWithEnvironment[] Targets(IResourceCollection resources, string name) =>
        resources.OfType<ReplicaSetResource>().FirstOrDefault(set => set.Name == name) is { } replicas
            ? [.. replicas.Replicas.Select(r => r.Resource).OfType<IResourceWithEnvironment>()]
            : [.. resources.OfType<IResourceWithEnvironment>().Where(r => r.Name == name)];

    public override string ToString() => $"{Resource}:{Name}={Value}";
}
