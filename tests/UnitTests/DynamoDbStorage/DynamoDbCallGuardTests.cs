using System.Net;
using DynamoDbStorage;
using DynamoDbStorage.Resilience;
using DynamoDbStorage.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using System.Diagnostics.Metrics;
using Xunit;

namespace UnitTests.DynamoDbStorage;

/// <summary>The handler under the SDK, driven through an <see cref="HttpMessageInvoker"/> over a DynamoDB that answers or stays silent on cue.</summary>
public sealed class DynamoDbCallGuardTests : IDisposable
{
    private const int CallsInFlight = 2;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly DynamoDbCircuit _circuit;
    private readonly DynamoDbAdmission _admission;
    private readonly MetricCollector<long> _shed;
    private readonly Silent _dynamoDb = new();
    private readonly HttpMessageInvoker _client;

    public DynamoDbCallGuardTests()
    {
        var options = Options.Create(new DynamoDbOptions
        {
            BreakMinimumCalls = 3,
            BreakNoAnswerShare = 0.5,
            ObservationWindow = TimeSpan.FromSeconds(20),
            BreakDuration = TimeSpan.FromSeconds(5),
            MaxCallsInFlight = CallsInFlight,
            AdmissionWait = TimeSpan.FromMilliseconds(500),
        });
        var meters = _services.GetRequiredService<IMeterFactory>();
        _circuit = new DynamoDbCircuit(options, _clock, NullLogger<DynamoDbCircuit>.Instance);
        _admission = new DynamoDbAdmission(options, _clock);
        _shed = new MetricCollector<long>(meters, DynamoDbMetrics.MeterName, "dynamodb.calls.shed");
        var guard = new DynamoDbCallGuard(_circuit, _admission, new DynamoDbAttemptTimeout(options, _clock), new DynamoDbMetrics(meters), _clock) { InnerHandler = _dynamoDb };
        _client = new HttpMessageInvoker(guard);
    }

    [Fact]
    public async Task A_call_beyond_the_calls_in_flight_is_shed_after_the_admission_wait_without_reaching_dynamodb()
    {
        using var caller = new CancellationTokenSource();
        var held = Enumerable.Range(0, CallsInFlight).Select(_ => _client.SendAsync(Request(), caller.Token)).ToList();
        await _dynamoDb.ReachedCount(CallsInFlight);

        var beyond = _client.SendAsync(Request(), CancellationToken.None);
        Assert.False(beyond.IsCompleted); // it waits for a slot
        _clock.Advance(TimeSpan.FromMilliseconds(500));

        var shed = await Assert.ThrowsAsync<DynamoDbNotAnsweringException>(() => beyond);
        Assert.Contains("in flight", shed.Message, StringComparison.Ordinal);
        Assert.Equal(CallsInFlight, _dynamoDb.Calls);
        Assert.Equal(1, _shed.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(global::CircuitBreaking.CircuitEntry.Closed, _circuit.Enter()); // shedding says nothing about DynamoDB

        await caller.CancelAsync();
        foreach (var call in held)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        }

        Assert.Equal(0, _admission.InFlight); // every slot given back
    }

    [Fact]
    public async Task A_probe_shed_for_want_of_a_slot_is_given_back_so_the_next_call_probes()
    {
        OpenCircuit();
        _clock.Advance(TimeSpan.FromSeconds(6));
        var held = new List<IDisposable>();
        for (var i = 0; i < CallsInFlight; i++)
        {
            held.Add((await _admission.TryEnterAsync(CancellationToken.None))!); // every slot taken
        }

        var probe = _client.SendAsync(Request(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAsync<DynamoDbNotAnsweringException>(() => probe);

        Assert.Equal(0, _dynamoDb.Calls);
        Assert.True(_circuit.Enter().IsProbe);
        held.ForEach(slot => slot.Dispose());
    }

    public void Dispose()
    {
        _client.Dispose();
        _admission.Dispose();
        _shed.Dispose();
        _services.Dispose();
    }

    private static HttpRequestMessage Request() => new(HttpMethod.Post, "http://dynamodb.local/");

    [Fact]
    public async Task A_probe_whose_request_its_caller_aborted_is_given_back_so_the_next_call_probes()
    {
        OpenCircuit();

        _clock.Advance(TimeSpan.FromSeconds(6));
        using var caller = new CancellationTokenSource();
        var probe = _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "http://dynamodb.local/"), caller.Token);
        await _dynamoDb.Reached.Task;
        Assert.False(_circuit.Enter().Allowed); // the probe is out

        await caller.CancelAsync(); // the shopper's request was aborted before DynamoDB answered
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => probe);

        Assert.True(_circuit.Enter().IsProbe);
    }

    [Fact]
    public async Task An_answer_closes_the_circuit_and_refused_calls_never_reach_dynamodb()
    {
        OpenCircuit();

        await Assert.ThrowsAsync<DynamoDbNotAnsweringException>(() => _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "http://dynamodb.local/"), CancellationToken.None));
        Assert.Equal(0, _dynamoDb.Calls);

        _clock.Advance(TimeSpan.FromSeconds(6));
        _dynamoDb.AnswerAt = 1;
        using var answered = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "http://dynamodb.local/"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(global::CircuitBreaking.CircuitEntry.Closed, _circuit.Enter());
    }

    [Fact]
    public async Task The_sdk_does_not_send_again_an_attempt_the_guard_gave_up_on()
    {
        OpenCircuit();

        var attempts = new CountingHandler(_client);
        using var dynamoDb = new GuardedDynamoDbClient(
            new Amazon.Runtime.BasicAWSCredentials("local", "local"),
            new Amazon.DynamoDBv2.AmazonDynamoDBConfig
            {
                ServiceURL = "http://dynamodb.local",
                AuthenticationRegion = "us-east-1",
                HttpClientFactory = new GuardedHttpClientFactory(attempts),
            });

        await Assert.ThrowsAsync<DynamoDbNotAnsweringException>(() =>
            dynamoDb.GetItemAsync("carts", new() { ["pk"] = new("CART#1"), ["sk"] = new("METADATA") }, CancellationToken.None));

        Assert.Equal(1, attempts.Count); // the SDK's standard policy took it for transient: four attempts
    }

    /// <summary>Three calls of three left unanswered: the circuit opens for its 5 s break.</summary>
    private void OpenCircuit()
    {
        for (var i = 0; i < 3; i++)
        {
            _circuit.RecordNoAnswer(probe: false);
        }
    }

    /// <summary>Counts the attempts the SDK sends before they reach the guard.</summary>
    private sealed class CountingHandler(HttpMessageInvoker guarded) : HttpMessageHandler
    {
        public int Count { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Count++;
            return guarded.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Stays silent until its caller gives up, unless told to answer the <see cref="AnswerAt"/>-th call.</summary>
    private sealed class Silent : HttpMessageHandler
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public int? AnswerAt { get; set; }

        /// <summary>Until <paramref name="count"/> calls have reached it.</summary>
        public async Task ReachedCount(int count)
        {
            while (Calls < count)
            {
                await Task.Delay(10);
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var calls = Interlocked.Increment(ref _calls);
            Reached.TrySetResult();
            if (AnswerAt == calls)
            {
                return new HttpResponseMessage(HttpStatusCode.OK);
            }

            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
