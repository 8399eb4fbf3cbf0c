using StackExchange.Redis;

namespace Bench.Resilience.Faults;

/// <summary>One fault the suite puts on the running system, and takes off again.</summary>
internal interface IFault
{
    /// <summary>A short name for the table.</summary>
    string Name { get; }

    /// <summary>What is done, in words, for the report.</summary>
    string Description { get; }

    Task InjectAsync(FaultContext context, CancellationToken cancellationToken);

    /// <summary>Takes the fault off (or waits until the system has repaired it) and says what proves it happened.</summary>
    Task<FaultOutcome> ClearAsync(FaultContext context, CancellationToken cancellationToken);
}

/// <summary>What proves the fault happened, and whether the system came back from it (a killed process running again).</summary>
internal sealed record FaultOutcome(string Proof, bool Recovered = true);

/// <summary>What faults act on: the running platform, an admin connection to its Redis, the carts the load uses.</summary>
internal sealed record FaultContext(DistributedApplication Platform, IConnectionMultiplexer Redis, IReadOnlyList<string> CartIds);
