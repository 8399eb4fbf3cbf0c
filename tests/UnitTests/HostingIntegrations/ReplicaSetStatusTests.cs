using Aspire.Hosting.ApplicationModel;
using HostingIntegrations.Replicas;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace UnitTests.HostingIntegrations;

public class ReplicaSetStatusTests
{
    private static readonly CustomResourceSnapshot Set = Snapshot(null);

    [Fact]
    public void The_set_runs_while_any_replica_runs_and_counts_the_healthy_ones()
    {
        var status = ReplicaSetStatus.Apply(Set, [Snapshot(KnownResourceStates.Running), Snapshot(KnownResourceStates.Exited)]);

        Assert.Equal(KnownResourceStates.Running, status.State?.Text);
        Assert.Equal("1 of 2 healthy", status.Properties.Single(p => p.Name == ReplicaSetStatus.PropertyName).Value);
    }

    [Fact]
    public void Before_any_replica_runs_the_set_shows_the_first_known_state()
    {
        var status = ReplicaSetStatus.Apply(Set, [null, Snapshot(KnownResourceStates.Waiting)]);

        Assert.Equal(KnownResourceStates.Waiting, status.State?.Text);
    }

    [Fact]
    public void Nothing_seen_yet_is_starting()
    {
        Assert.Equal(KnownResourceStates.Starting, ReplicaSetStatus.Apply(Set, [null, null]).State?.Text);
    }

    [Fact]
    public void Applying_again_replaces_the_count_instead_of_adding_one()
    {
        var once = ReplicaSetStatus.Apply(Set, [Snapshot(KnownResourceStates.Starting)]);

        var twice = ReplicaSetStatus.Apply(once, [Snapshot(KnownResourceStates.Running)]);

        Assert.Equal("1 of 1 healthy", Assert.Single(twice.Properties, p => p.Name == ReplicaSetStatus.PropertyName).Value);
    }

    [Fact]
    public void The_set_is_healthy_only_when_every_replica_is()
    {
        Assert.Equal(HealthStatus.Healthy, ReplicaSetStatus.Health([Snapshot(KnownResourceStates.Running), Snapshot(KnownResourceStates.Running)]).Status);
        Assert.Equal(HealthStatus.Unhealthy, ReplicaSetStatus.Health([Snapshot(KnownResourceStates.Running), Snapshot(KnownResourceStates.Starting)]).Status);
        Assert.Equal(HealthStatus.Unhealthy, ReplicaSetStatus.Health([Snapshot(KnownResourceStates.Running), null]).Status);
    }

    private static CustomResourceSnapshot Snapshot(string? state) =>
        new() { ResourceType = "Project", Properties = [], State = state is null ? null : new ResourceStateSnapshot(state, null) };
}
