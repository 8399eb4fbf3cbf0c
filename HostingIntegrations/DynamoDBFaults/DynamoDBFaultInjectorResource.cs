using HostingIntegrations.DynamoDBLocal;

namespace HostingIntegrations.DynamoDBFaults;

/// <summary>
/// A fault injector between the services and DynamoDB Local (development and tests only; no fault until one is set
/// through its dashboard commands). Services that reference DynamoDB Local are pointed at it instead.
/// </summary>
public sealed class DynamoDBFaultInjectorResource(string name, DynamoDBLocalResource parent)
    : Resource(name), IResourceWithParent<DynamoDBLocalResource>
{
    public DynamoDBLocalResource Parent { get; } = parent;

    internal DynamoDBFaultProxy Proxy { get; } = new(async cancellationToken =>
        new Uri(await parent.Endpoint.GetValueAsync(cancellationToken) ?? throw new InvalidOperationException($"{parent.Name} has no endpoint yet.")));

    /// <summary>The fault in force, or null.</summary>
    public DynamoDBFault? Fault => Proxy.Fault;

    /// <summary>Calls forwarded to DynamoDB Local so far.</summary>
    public long ForwardedCalls => Proxy.Forwarded;

    /// <summary>Calls a fault hit so far: proof that a test's fault really happened.</summary>
    public long InjectedCalls => Proxy.Injected;

    /// <summary>Answers of DynamoDB a held-answers fault holds or held so far: each call has taken effect when counted.</summary>
    public long HeldAnswers => Proxy.AnswersHeld;

    /// <summary>
    /// Batch calls a throttle answered in part so far (a share written or read, the rest returned unprocessed): proof
    /// that a test's batches were really split.
    /// </summary>
    public long PartialBatchAnswers => Proxy.PartialBatches;

    /// <summary>The keys and write requests those answers returned unprocessed so far.</summary>
    public long LeftUnprocessed => Proxy.LeftUnprocessed;

    /// <summary>
    /// Every call the services made so far, by DynamoDB operation: a test reads it before and after a request to count
    /// the round trips that request cost.
    /// </summary>
    public IReadOnlyDictionary<string, long> CallsByOperation => Proxy.Calls;

    /// <summary>The most calls in flight at once since the fault in force was set (by a command, or cleared).</summary>
    public long PeakCallsInFlight => Proxy.PeakInFlight;

    /// <summary>The address services use as their DynamoDB endpoint.</summary>
    public Task<Uri> Address => Proxy.Address;
}
