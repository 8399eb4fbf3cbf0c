namespace DynamoDbStorage.Resilience;

/// <summary>
/// The HTTP handler under the AWS SDK's DynamoDB client: every attempt passes the <see cref="DynamoDbCircuit"/> and
/// gets <see cref="DynamoDbOptions.AttemptTimeout"/> to be answered. An attempt that gets no answer fails with
/// <see cref="DynamoDbNotAnsweringException"/> (not retried by the SDK) and its connection is closed, so the call it
/// carried can never reach DynamoDB later, in a burst, after a stall.
/// </summary>
internal sealed class DynamoDbCallGuard(DynamoDbCircuit circuit, IOptions<DynamoDbOptions> options, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!circuit.TryEnter(out var retryAfter))
        {
            throw DynamoDbNotAnsweringException.Refused(retryAfter);
        }

        var timeout = options.Value.AttemptTimeout;
        using var attempt = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attempt.Token);
        try
        {
            var response = await base.SendAsync(request, linked.Token);
            circuit.RecordAnswer();
            return response;
        }
        catch (OperationCanceledException) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            circuit.RecordNoAnswer();
            throw DynamoDbNotAnsweringException.TimedOut(timeout);
        }
        catch (HttpRequestException)
        {
            circuit.RecordNoAnswer();
            throw;
        }
    }
}
