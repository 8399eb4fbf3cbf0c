using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace HostingIntegrations.Restarts;

/// <summary>A restart policy for processes Aspire runs, which it does not have itself.</summary>
public static class RestartOnCrashBuilderExtensions
{
    /// <summary>
    /// Restarts the resource when its process dies on its own (a crash, an OOM kill, a stray <c>kill -9</c>), after
    /// 1 s, 2 s, 4 s…, at most <paramref name="maxRestarts"/> times in <paramref name="window"/> (default 5 minutes).
    /// Stopping it from the dashboard still stops it. <paramref name="enabled"/> false leaves the resource as it is.
    /// </summary>
    public static IResourceBuilder<T> WithRestartOnCrash<T>(this IResourceBuilder<T> builder, bool enabled = true, int maxRestarts = 5, TimeSpan? window = null)
        where T : IResource
    {
        if (!enabled || !builder.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            return builder;
        }

        builder.ApplicationBuilder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CrashRestarter>());
        return builder.WithAnnotation(new RestartOnCrashAnnotation(maxRestarts, window ?? TimeSpan.FromMinutes(5)), ResourceAnnotationMutationBehavior.Replace);
    }
}
