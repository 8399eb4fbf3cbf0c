using Microsoft.Extensions.Hosting;

namespace HostingIntegrations.Replicas;

/// <summary>Declares replicas that their clients balance, and the references and waits on all of them.</summary>
public static class ReplicaSetBuilderExtensions
{
    /// <summary>
    /// Run mode: <paramref name="count"/> resources <c>{name}-0 … {name}-(N-1)</c>, each made by <paramref name="addReplica"/>
    /// and shown in the dashboard under a <c>{name}</c> group that is healthy when all of them are. Published: one
    /// resource named <paramref name="name"/> (the deployment decides how many tasks run it).
    /// </summary>
    public static IResourceBuilder<ReplicaSetResource> AddReplicaSet<T>(
        this IDistributedApplicationBuilder builder,
        [ResourceName] string name,
        int count,
        Func<string, IResourceBuilder<T>> addReplica)
        where T : IResourceWithEndpoints
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var set = new ReplicaSetResource(name);

        if (!builder.ExecutionContext.IsRunMode)
        {
            set.Add((IResourceBuilder<IResourceWithEndpoints>)addReplica(name));
            return builder.CreateResourceBuilder(set);
        }

        var healthCheck = $"{name}_replicas";
        builder.Services.AddHealthChecks().AddCheck(healthCheck, () => ReplicaSetStatus.Health(set.ReplicaSnapshots));
        var setBuilder = builder.AddResource(set).WithIconName("Stack").WithHealthCheck(healthCheck).ExcludeFromManifest();
        for (var i = 0; i < count; i++)
        {
            var replica = addReplica($"{name}-{i}");
            replica.WithParentRelationship(set);
            set.Add((IResourceBuilder<IResourceWithEndpoints>)replica);
        }

        builder.Eventing.Subscribe<InitializeResourceEvent>(set, (@event, cancellationToken) =>
        {
            // Follows the replicas for as long as the AppHost runs.
            var stopping = @event.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = FollowReplicasAsync(set, @event.Notifications, stopping);
            return Task.CompletedTask;
        });
        return setBuilder;
    }

    /// <summary>
    /// <c>services__{set}__{endpoint}__{i}</c> for every replica's endpoints: service discovery resolves <c>http://{set}</c>
    /// to all of them. Replicas a test took out of the model are skipped.
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<ReplicaSetResource> set)
        where T : IResourceWithEnvironment
    {
        var replicas = set.Resource.Replicas.Select(r => r.Resource).ToList();
        foreach (var replica in replicas)
        {
            builder.WithReferenceRelationship(replica);
        }

        return builder.WithEnvironment(context =>
        {
            var model = context.ExecutionContext.IsRunMode ? context.ExecutionContext.Services.GetRequiredService<DistributedApplicationModel>() : null;
            var index = 0;
            foreach (var replica in replicas.Where(r => model is null || model.Resources.Contains(r)))
            {
                foreach (var endpoint in replica.GetEndpoints())
                {
                    context.EnvironmentVariables[$"services__{set.Resource.Name}__{endpoint.EndpointName}__{index}"] = endpoint;
                }

                index++;
            }
        });
    }

    /// <summary>Waits for every replica, each on its own health checks (no polling of the group in between).</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<ReplicaSetResource> set)
        where T : IResourceWithWaitSupport
    {
        foreach (var replica in set.Resource.Replicas)
        {
            builder.WaitFor(replica);
        }

        return builder;
    }

    private static async Task FollowReplicasAsync(ReplicaSetResource set, ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        await notifications.PublishUpdateAsync(set, snapshot => ReplicaSetStatus.Apply(snapshot with { ResourceType = "Replicas" }, set.ReplicaSnapshots));
        try
        {
            await foreach (var change in notifications.WatchAsync(cancellationToken))
            {
                if (set.Observe(change))
                {
                    // A new snapshot of the set also wakes its health monitor, so the group's health follows at once.
                    await notifications.PublishUpdateAsync(set, snapshot => ReplicaSetStatus.Apply(snapshot, set.ReplicaSnapshots));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }
}
