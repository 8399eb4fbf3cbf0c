using System.Diagnostics.Metrics;
using Amazon.Runtime;
using DynamoDbStorage.Transactions;

namespace DynamoDbStorage.Telemetry;

/// <summary>
/// DynamoDB's golden signals as every service sees them: <c>dynamodb.throttles</c> by operation (the calls DynamoDB
/// answered as throttled after the SDK's own retries, a transaction cancelled for a throttled item included) and
/// <c>dynamodb.transaction.failures</c> by reason (key_taken, condition_failed, transaction_conflict, throttled,
/// unexpected) as the writers classify their cancellations; <c>dynamodb.calls.shed</c> and <c>dynamodb.calls.in_flight</c>,
/// the admission control's (<see cref="Resilience.DynamoDbAdmission"/>).
/// </summary>
public sealed class DynamoDbMetrics : IDisposable
{
    public const string MeterName = "DynamoDbStorage";

    private static readonly HashSet<string> ThrottlingErrors = new(StringComparer.Ordinal)
    {
        "ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded",
    };

    private readonly Meter _meter;
    private readonly Counter<long> _throttles;
    private readonly Counter<long> _transactionFailures;
    private readonly Counter<long> _shed;

    public DynamoDbMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _throttles = _meter.CreateCounter<long>("dynamodb.throttles", "{call}", "DynamoDB calls answered as throttled, by operation.");
        _transactionFailures = _meter.CreateCounter<long>("dynamodb.transaction.failures", "{transaction}", "TransactWriteItems attempts that did not commit, by reason.");
        _shed = _meter.CreateCounter<long>("dynamodb.calls.shed", "{call}", "DynamoDB calls refused because this service's calls in flight did not end within the admission wait.");
    }

    /// <summary>Records a call the admission control shed.</summary>
    public void CallShed() => _shed.Add(1);

    /// <summary>Reports <paramref name="admission"/>'s calls in flight as <c>dynamodb.calls.in_flight</c>.</summary>
    public void Observe(Resilience.DynamoDbAdmission admission) =>
        _meter.CreateObservableGauge("dynamodb.calls.in_flight", () => admission.InFlight, "{call}", "DynamoDB calls of this service in flight now.");

    /// <summary>Records a failed attempt of a transaction as its writer classified it.</summary>
    public void TransactionFailed(CancellationKind kind) =>
        _transactionFailures.Add(1, new KeyValuePair<string, object?>("reason", ReasonOf(kind)));

    /// <summary>Records a throttled call of <paramref name="operation"/> (<c>Query</c>, <c>TransactWriteItems</c>, …) when <paramref name="exception"/> says so.</summary>
    public void CallFailed(string operation, Exception exception)
    {
        var throttled = exception switch
        {
            TransactionCanceledException cancelled => TransactCancellation.From(cancelled.CancellationReasons, null).Kind == CancellationKind.Throttled,
            AmazonServiceException service => service.ErrorCode is { } code && ThrottlingErrors.Contains(code),
            _ => false,
        };
        if (throttled)
        {
            _throttles.Add(1, new KeyValuePair<string, object?>("operation", operation));
        }
    }

    /// <summary>Feeds <see cref="CallFailed"/> from every failed call <paramref name="client"/> makes.</summary>
    public void Observe(AmazonServiceClient client) => client.ExceptionEvent += (_, args) =>
    {
        if (args is WebServiceExceptionEventArgs { Request: { } request, Exception: { } exception })
        {
            CallFailed(OperationOf(request), exception);
        }
    };

    public void Dispose() => _meter.Dispose();

    private static string OperationOf(AmazonWebServiceRequest request)
    {
        var name = request.GetType().Name;
        return name.EndsWith("Request", StringComparison.Ordinal) ? name[..^"Request".Length] : name;
    }

    private static string ReasonOf(CancellationKind kind) => kind switch
    {
        CancellationKind.KeyTaken => "key_taken",
        CancellationKind.ConditionFailed => "condition_failed",
        CancellationKind.TransactionConflict => "transaction_conflict",
        CancellationKind.Throttled => "throttled",
        _ => "unexpected",
    };
}
