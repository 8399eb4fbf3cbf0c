namespace Orchestration.Hosting;

/// <summary>The arrows of the app model: references, waits, endpoints, environment.</summary>
public static class ResourceBuilderExtensions
{
    public static IResourceBuilder<T> WithAnnotation<T>(this IResourceBuilder<T> builder, IResourceAnnotation annotation)
        where T : IResource
    {
        builder.Resource.Annotations.Add(annotation);
        return builder;
    }

    /// <summary>Injects <paramref name="source"/>'s connection information into this resource's environment.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IReferenceableResource> source)
        where T : IResource => builder.WithAnnotation(new ReferenceAnnotation(source.Resource));

    /// <summary>Starts this resource only once <paramref name="dependency"/> is healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResource => builder.WithAnnotation(new WaitAnnotation(dependency.Resource));

    /// <summary>A fixed HTTP port (stable URLs for people and curl); tests still get a random one.</summary>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, string name = "http")
        where T : IResource
    {
        builder.Resource.Annotations.RemoveAll(a => a is EndpointAnnotation e && e.Name == name);
        return builder.WithAnnotation(new EndpointAnnotation(name, "http", port));
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResource => builder.WithAnnotation(new EnvironmentCallbackAnnotation(context => context.Variables[name] = value));

    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params string[] args)
        where T : IResource => builder.WithAnnotation(new ArgumentsCallbackAnnotation(context =>
        {
            foreach (var arg in args)
            {
                context.Arguments.Add(arg);
            }
        }));
}
