using System.Net;
using DynamoDbStorage;
using DynamoDbStorage.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace UnitTests.DynamoDbStorage;

/// <summary>The handler under the SDK, driven through an <see cref="HttpMessageInvoker"/> over a DynamoDB that answers or stays silent on cue.</summary>
public class DynamoDbCallGuardTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
    private readonly DynamoDbCircuit _circuit;
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
        });
        _circuit = new DynamoDbCircuit(options, _clock, NullLogger<DynamoDbCircuit>.Instance);
        _client = new HttpMessageInvoker(new DynamoDbCallGuard(_circuit, new DynamoDbAttemptTimeout(options, _clock), _clock) { InnerHandler = _dynamoDb });
    }

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

        public int Calls { get; private set; }

        public int? AnswerAt { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            Reached.TrySetResult();
            if (AnswerAt == Calls)
            {
                return new HttpResponseMessage(HttpStatusCode.OK);
            }

            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
