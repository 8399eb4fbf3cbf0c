using DynamoDbStorage.Telemetry;

namespace DynamoDbStorage.Resilience;

/// <summary>
/// The HTTP handler under the AWS SDK's DynamoDB client: every attempt passes the <see cref="DynamoDbCircuit"/>, then
/// the <see cref="DynamoDbAdmission"/> (a slot among the process's calls in flight, or shed), and gets the
/// <see cref="DynamoDbAttemptTimeout"/> of the moment to be answered (the probe of an open circuit gets the cap). An attempt that gets no answer fails with <see cref="DynamoDbNotAnsweringException"/>, which the SDK does not
/// retry (<see cref="NotAnsweredIsFinalRetryPolicy"/>), and its connection is closed, so the call it carried can never reach DynamoDB later, in a burst, after a stall.
/// An answered attempt's latency feeds the timeout, and an unanswered one tells it DynamoDB has gone silent.
/// </summary>
internal sealed class DynamoDbCallGuard(
    DynamoDbCircuit circuit, DynamoDbAdmission admission, DynamoDbAttemptTimeout timeouts, DynamoDbMetrics metrics, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var entry = circuit.Enter();
        if (!entry.Allowed)
        {
            throw DynamoDbNotAnsweringException.Refused(entry.RetryAfter);
        }

        var judged = false;
        try
        {
            using var slot = await admission.TryEnterAsync(cancellationToken);
            if (slot is null)
            {
                metrics.CallShed();
                throw DynamoDbNotAnsweringException.Shed(admission.Capacity);
            }

            var timeout = entry.IsProbe ? timeouts.ForProbe : timeouts.Current;
            var started = time.GetTimestamp();
            using var attempt = new CancellationTokenSource(timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attempt.Token);
            try
            {
                var response = await base.SendAsync(request, linked.Token);
                judged = true;
                timeouts.RecordAnswered(time.GetElapsedTime(started));
                circuit.RecordAnswer();
                return response;
            }
            catch (OperationCanceledException) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                judged = true;
                timeouts.RecordUnanswered();
                circuit.RecordNoAnswer(entry.IsProbe);
                throw DynamoDbNotAnsweringException.TimedOut(timeout);
            }
            catch (HttpRequestException)
            {
                judged = true;
                timeouts.RecordUnanswered();
                circuit.RecordNoAnswer(entry.IsProbe);
                throw;
            }
        }
        finally
        {
            // A probe shed, or whose caller gave up first (a request aborted by its client), says nothing about
            // DynamoDB, but the probe must be given back, or the circuit stays open for good.
            if (entry.IsProbe && !judged)
            {
                circuit.ProbeAbandoned();
            }
        }
    }
}
