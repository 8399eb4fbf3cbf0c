using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace HostingIntegrations.DynamoDBFaults;

/// <summary>
/// An HTTP proxy in the AppHost process, on a loopback port, that forwards the services' DynamoDB calls to DynamoDB
/// Local and applies the fault in force. DynamoDB's protocol is one POST per call with the operation in
/// <c>X-Amz-Target</c>, so a call is read whole, judged, and then answered or forwarded.
/// </summary>
internal sealed class DynamoDBFaultProxy(Func<CancellationToken, Task<Uri>> upstreamAddress) : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Content-Length", "Transfer-Encoding", "Keep-Alive", "Upgrade",
    };

    private const string ResponseChecksumHeader = "x-amz-crc32";

    private readonly HttpClient _client = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
        Timeout = Timeout.InfiniteTimeSpan, // the caller's own timeout ends a call
    };

    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _server;
    private FaultPlan _plan = new(fault: null);
    private readonly ConcurrentDictionary<string, long> _calls = new(StringComparer.Ordinal);
    private long _forwarded;
    private long _injected;
    private long _answersHeld;
    private long _partialBatches;
    private long _leftUnprocessed;
    private long _inFlight;
    private long _peakInFlight;

    /// <summary>The proxy's own address, once it listens.</summary>
    public Task<Uri> Address => _address.Task;

    public DynamoDBFault? Fault => Volatile.Read(ref _plan).Fault;

    /// <summary>Calls forwarded to DynamoDB Local (delayed or stalled ones included).</summary>
    public long Forwarded => Interlocked.Read(ref _forwarded);

    /// <summary>Calls the fault hit.</summary>
    public long Injected => Interlocked.Read(ref _injected);

    /// <summary>
    /// Answers a <see cref="DynamoDBFaultKind.HoldAnswer"/> fault has received from DynamoDB and holds (or held): each
    /// counts once DynamoDB has answered, so its call has taken effect there.
    /// </summary>
    public long AnswersHeld => Interlocked.Read(ref _answersHeld);

    /// <summary>
    /// Batch calls a throttle answered in part (<see cref="PartialBatchGet"/>, <see cref="PartialBatchWrite"/>): each
    /// counts once DynamoDB has answered the part forwarded and the answer went back with the rest unprocessed.
    /// </summary>
    public long PartialBatches => Interlocked.Read(ref _partialBatches);

    /// <summary>The keys and write requests those answers returned unprocessed, for the caller to send again.</summary>
    public long LeftUnprocessed => Interlocked.Read(ref _leftUnprocessed);

    /// <summary>Every call received so far (forwarded or faulted), by operation (<c>Query</c>, <c>TransactWriteItems</c>, …).</summary>
    public IReadOnlyDictionary<string, long> Calls => _calls.ToDictionary(StringComparer.Ordinal);

    /// <summary>The most calls in flight here at once since the fault in force was set.</summary>
    public long PeakInFlight => Interlocked.Read(ref _peakInFlight);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // An empty builder reads no configuration, so the AppHost's own ASPNETCORE_URLS cannot move it.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _server = builder.Build();
        _server.Run(HandleAsync);
        await _server.StartAsync(cancellationToken);

        var bound = _server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _address.TrySetResult(new Uri(bound));
    }

    /// <summary>Puts <paramref name="fault"/> in force (null clears it); calls a previous stall held go on.</summary>
    public void Apply(DynamoDBFault? fault)
    {
        var previous = Interlocked.Exchange(ref _plan, new FaultPlan(fault));
        Interlocked.Exchange(ref _peakInFlight, Interlocked.Read(ref _inFlight));
        previous.End();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        for (var peak = Interlocked.Read(ref _peakInFlight); inFlight > peak; peak = Interlocked.Read(ref _peakInFlight))
        {
            if (Interlocked.CompareExchange(ref _peakInFlight, inFlight, peak) == peak)
            {
                break;
            }
        }

        try
        {
            await HandleCallAsync(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task HandleCallAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var operation = Operation(context.Request.Headers["X-Amz-Target"].ToString());
        _calls.AddOrUpdate(operation, 1, static (_, count) => count + 1);

        var plan = Volatile.Read(ref _plan);
        if (plan.Hits(operation, body))
        {
            Interlocked.Increment(ref _injected);
            switch (plan.Fault!.Kind)
            {
                case DynamoDBFaultKind.Throttle when operation == PartialBatchGet.Operation && PartialBatchGet.Split(body) is { } partialGet:
                    Interlocked.Increment(ref _forwarded);
                    await ForwardAsync(context, partialGet.ForwardedBody, AnsweredInPart(partialGet.Answer, partialGet.Unprocessed));
                    return;
                case DynamoDBFaultKind.Throttle when operation == PartialBatchWrite.Operation && PartialBatchWrite.Split(body) is { } partialWrite:
                    Interlocked.Increment(ref _forwarded);
                    await ForwardAsync(context, partialWrite.ForwardedBody, AnsweredInPart(partialWrite.Answer, partialWrite.Unprocessed));
                    return;
                case DynamoDBFaultKind.Throttle:
                    await AnswerAsync(context, DynamoDBErrors.Throttled(operation, body, plan.Fault.ThrottlingError));
                    return;
                case DynamoDBFaultKind.ServerError:
                    await AnswerAsync(context, DynamoDBErrors.InternalServerError());
                    return;
                case DynamoDBFaultKind.Latency:
                    await Task.Delay(plan.Fault.Latency, context.RequestAborted);
                    break;
                case DynamoDBFaultKind.Stall:
                    await WaitUntilEndedAsync(plan.Ended, context.RequestAborted);
                    break;
                case DynamoDBFaultKind.IndexLag:
                    await AnswerAsync(context, (StatusCodes.Status200OK, LaggingIndex.EmptyAnswer(body)));
                    return;
                case DynamoDBFaultKind.HoldAnswer:
                    Interlocked.Increment(ref _forwarded);
                    await ForwardAsync(context, body, holdAnswerUntil: plan.Ended);
                    return;
            }
        }
        else if (plan.Fault is { DelayWhenMissed: var delay } fault && delay > TimeSpan.Zero && fault.Matches(operation))
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        Interlocked.Increment(ref _forwarded);
        await ForwardAsync(context, body);
    }

    /// <summary>Forwards the call; with <paramref name="rewrite"/>, DynamoDB's answer is read whole and answered rewritten.</summary>
    private async Task ForwardAsync(HttpContext context, byte[] body, Func<byte[], byte[]>? rewrite = null, CancellationToken? holdAnswerUntil = null)
    {
        var upstream = await upstreamAddress(context.RequestAborted);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(upstream, $"{context.Request.Path}{context.Request.QueryString}"))
        {
            Content = new ByteArrayContent(body),
        };
        foreach (var (name, values) in context.Request.Headers)
        {
            if (!HopByHopHeaders.Contains(name) && !request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (HttpRequestException)
        {
            // DynamoDB Local is down or restarting: the SDK sees what a dropped connection looks like behind a proxy.
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }

        using (response)
        {
            if (holdAnswerUntil is { } ended)
            {
                Interlocked.Increment(ref _answersHeld);
                await WaitUntilEndedAsync(ended, context.RequestAborted);
            }

            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                // A rewritten answer drops DynamoDB's CRC32 of the original body, which the AWS SDK would check it against.
                if (!HopByHopHeaders.Contains(name) && (rewrite is null || !name.Equals(ResponseChecksumHeader, StringComparison.OrdinalIgnoreCase)))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }

            if (rewrite is not null && response.IsSuccessStatusCode)
            {
                await context.Response.Body.WriteAsync(rewrite(await response.Content.ReadAsByteArrayAsync(context.RequestAborted)), context.RequestAborted);
                return;
            }

            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }

    /// <summary>A batch's rewrite of DynamoDB's answer, counted when it is made (DynamoDB answered the part forwarded).</summary>
    private Func<byte[], byte[]> AnsweredInPart(Func<byte[], byte[]> answer, int unprocessed) => response =>
    {
        Interlocked.Increment(ref _partialBatches);
        Interlocked.Add(ref _leftUnprocessed, unprocessed);
        return answer(response);
    };

    private static async Task AnswerAsync(HttpContext context, (int Status, string Body) error)
    {
        context.Response.StatusCode = error.Status;
        context.Response.ContentType = DynamoDBErrors.ContentType;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString("N");
        await context.Response.WriteAsync(error.Body, context.RequestAborted);
    }

    private static async Task WaitUntilEndedAsync(CancellationToken ended, CancellationToken aborted)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ended, aborted);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, either.Token);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            // The stall was cleared: the call goes on.
        }
    }

    /// <summary><c>DynamoDB_20120810.PutItem</c> → <c>PutItem</c>; streams calls are <c>DynamoDBStreams_20120810.GetRecords</c>.</summary>
    private static string Operation(string target) => target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..];

    public async ValueTask DisposeAsync()
    {
        Apply(fault: null);
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }

        _client.Dispose();
    }
}
