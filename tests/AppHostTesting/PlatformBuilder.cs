namespace AppHostTesting;

/// <summary>The AppHost's own model (its <c>Program.cs</c> run up to <c>Build()</c>), made ready to run beside others.</summary>
public static class PlatformBuilder
{
    /// <summary>
    /// The model of <c>AppHost/Program.cs</c>, on ports of its own: Aspire.Hosting.Testing randomizes proxied ports only,
    /// so the fixed proxy-less ones (the gateway's 5080) are released here; two systems would otherwise bind the
    /// same port, or one would silently talk to the other's process. The restart-on-crash policy is off unless asked
    /// for. The dashboard is off unless asked for; asked
    /// for, Aspire.Hosting.Testing runs it on loopback ports of its own (its OTLP receivers too) with a browser token
    /// of its own, which <c>GetDashboardUrlAsync</c> returns in the login URL.
    /// </summary>
    public static async Task<IDistributedApplicationTestingBuilder> CreateAsync(
        string[]? args = null, bool dashboard = false, bool restartOnCrash = false, CancellationToken cancellationToken = default)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = dashboard },
            args ?? [],
            cancellationToken);
        foreach (var endpoint in builder.Resources.SelectMany(r => r.Annotations.OfType<EndpointAnnotation>()).Where(e => !e.IsProxied && e.Port is not null))
        {
            endpoint.Port = null;
            endpoint.TargetPort = null;
        }

        if (!restartOnCrash)
        {
            // Tests kill processes on purpose and watch what happens while they stay dead (a spare worker takes over,
            // a crash is reported); the AppHost's restart policy would race them. The test of the policy keeps it.
            foreach (var resource in builder.Resources)
            {
                foreach (var policy in resource.Annotations.OfType<HostingIntegrations.Restarts.RestartOnCrashAnnotation>().ToList())
                {
                    resource.Annotations.Remove(policy);
                }
            }
        }

        if (!dashboard)
        {
            // Without a dashboard nothing receives telemetry: services that exported it anyway would spend CPU on
            // batches sent to a closed port (Aspire.Hosting.Testing still names one) and retried.
            foreach (var resource in builder.Resources.OfType<IResourceWithEnvironment>())
            {
                resource.Annotations.Add(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT")));
            }
        }

        return builder;
    }

    /// <summary>
    /// Keeps <paramref name="names"/> and everything they reference or wait for, and removes the rest (with the waits
    /// and relationships that pointed at it), so a test starts only what it needs.
    /// </summary>
    public static IDistributedApplicationTestingBuilder KeepOnly(this IDistributedApplicationTestingBuilder builder, params string[] names)
    {
        var kept = new HashSet<IResource>();
        var pending = new Queue<IResource>(names.Select(name => builder.Resources.Single(r => r.Name == name)));
        while (pending.TryDequeue(out var resource))
        {
            if (kept.Add(resource))
            {
                foreach (var dependency in Dependencies(resource, builder.Resources))
                {
                    pending.Enqueue(dependency);
                }
            }
        }

        foreach (var resource in builder.Resources.Where(r => !kept.Contains(r) && !(r is IResourceWithParent child && kept.Contains(child.Parent))).ToList())
        {
            builder.Resources.Remove(resource);
        }

        foreach (var resource in builder.Resources)
        {
            foreach (var stale in resource.Annotations.Where(a => a is WaitAnnotation w && !kept.Contains(w.Resource) || a is ResourceRelationshipAnnotation r && !kept.Contains(r.Resource)).ToList())
            {
                resource.Annotations.Remove(stale);
            }
        }

        return builder;
    }

    /// <summary>Removes <paramref name="names"/> (and Aspire's helpers under them); nothing may reference or wait for them.</summary>
    public static IDistributedApplicationTestingBuilder Without(this IDistributedApplicationTestingBuilder builder, params string[] names)
    {
        var removed = builder.Resources.Where(r => names.Contains(r.Name)).ToHashSet();
        if (builder.Resources.FirstOrDefault(r => !removed.Contains(r) && Dependencies(r, builder.Resources).Any(removed.Contains)) is { } dependent)
        {
            throw new InvalidOperationException($"'{dependent.Name}' depends on a resource to remove.");
        }

        foreach (var resource in builder.Resources.Where(r => removed.Contains(r) || r is IResourceWithParent child && removed.Contains(child.Parent)).ToList())
        {
            builder.Resources.Remove(resource);
        }

        return builder;
    }

    private static IEnumerable<IResource> Dependencies(IResource resource, IResourceCollection model) =>
        resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource)
            .Concat(resource.Annotations.OfType<ResourceRelationshipAnnotation>().Select(r => r.Resource))
            .Concat(resource is HostingIntegrations.Replicas.ReplicaSetResource set ? set.Replicas.Select(r => (IResource)r.Resource) : [])
            .Where(model.Contains);
}
