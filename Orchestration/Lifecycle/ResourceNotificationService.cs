using System.Collections.Concurrent;

namespace Orchestration.Lifecycle;

/// <summary>The live state of every replica, and ways to wait for a state (Aspire's <c>ResourceNotificationService</c>).</summary>
public sealed class ResourceNotificationService
{
    private readonly ConcurrentDictionary<string, ReplicaSnapshot> _replicas = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised on every state change, on the thread that made it.</summary>
    public event Action<ReplicaSnapshot>? StateChanged;

    public IReadOnlyList<ReplicaSnapshot> Snapshot() => _replicas.Values.OrderBy(r => r.ReplicaName, StringComparer.Ordinal).ToArray();

    public IReadOnlyList<ReplicaSnapshot> ReplicasOf(string resourceName) =>
        Snapshot().Where(r => r.ResourceName == resourceName).ToArray();

    internal void Publish(ReplicaSnapshot snapshot)
    {
        _replicas[snapshot.ReplicaName] = snapshot;
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
        StateChanged?.Invoke(snapshot);
    }

    /// <summary>Completes when every replica of the resource is healthy; throws if one of them ends first.</summary>
    public Task WaitForResourceHealthyAsync(string resourceName, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(resourceName, replicas =>
        {
            var failed = replicas.FirstOrDefault(r => r.State.IsTerminal());
            if (failed is not null)
            {
                throw new ResourceFailedException(failed);
            }

            return replicas.Count > 0 && replicas.All(r => r.State == ResourceState.Healthy);
        }, cancellationToken);

    /// <summary>Completes when <paramref name="condition"/> holds for the resource's replicas.</summary>
    public async Task<IReadOnlyList<ReplicaSnapshot>> WaitForResourceAsync(
        string resourceName, Func<IReadOnlyList<ReplicaSnapshot>, bool> condition, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            var replicas = ReplicasOf(resourceName);
            if (condition(replicas))
            {
                return replicas;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }
}

/// <summary>A replica ended (or never started) while someone waited for it to be healthy.</summary>
public sealed class ResourceFailedException(ReplicaSnapshot replica)
    : Exception($"Resource '{replica.ReplicaName}' is {replica.State}" + (replica.ExitCode is { } code ? $" (exit code {code})." : "."))
{
    public ReplicaSnapshot Replica { get; } = replica;
}
