using Aspire.Hosting.Lifecycle;

namespace HostingIntegrations.Prerequisites;

/// <summary>Declares what a resource needs on the machine, checked once before anything starts.</summary>
public static class PrerequisiteBuilderExtensions
{
    /// <summary>
    /// In run mode, <paramref name="check"/> runs before any resource starts; when it (or any other resource's)
    /// returns a line, the AppHost prints every such line and stops with exit code 1 instead of starting a half model.
    /// </summary>
    public static IResourceBuilder<T> WithPrerequisite<T>(this IResourceBuilder<T> builder, Func<string?> check) where T : IResource
    {
        builder.ApplicationBuilder.Services.TryAddEventingSubscriber<PrerequisiteCheck>();
        return builder.WithAnnotation(new PrerequisiteAnnotation(check));
    }
}
