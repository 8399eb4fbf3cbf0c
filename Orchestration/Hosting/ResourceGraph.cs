namespace Orchestration.Hosting;

/// <summary>The arrows between resources: references and waits.</summary>
public static class ResourceGraph
{
    public static IEnumerable<IResource> DependenciesOf(IResource resource) =>
        resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource)
            .Concat(resource.Annotations.OfType<ReferenceAnnotation>().Select(r => r.Resource))
            .Distinct();

    /// <summary>Dependencies before dependents; a cycle is a declaration error.</summary>
    public static IReadOnlyList<IResource> TopologicalOrder(IReadOnlyList<IResource> resources)
    {
        var ordered = new List<IResource>();
        var state = new Dictionary<IResource, bool>(); // false = visiting, true = done
        foreach (var resource in resources)
        {
            Visit(resource);
        }

        return ordered;

        void Visit(IResource resource)
        {
            if (state.TryGetValue(resource, out var done))
            {
                if (!done)
                {
                    throw new InvalidOperationException($"Resource '{resource.Name}' waits for itself through a cycle.");
                }

                return;
            }

            state[resource] = false;
            foreach (var dependency in DependenciesOf(resource).Where(resources.Contains))
            {
                Visit(dependency);
            }

            state[resource] = true;
            ordered.Add(resource);
        }
    }
}
