using System.Net;
using Amazon.DynamoDBv2.Model;
using DynamoDbStorage;
using DynamoDbStorage.Resilience;
using global::Idempotency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationTests.Idempotency;

/// <summary>
/// The Idempotency-Key filter around a handler that reads through an index, on the real DynamoDB Local, in both claim
/// modes: a not-found the handler marks inconclusive (<see cref="IdempotencyContext.MarkInconclusive"/>) is not recorded
/// under the key, so the retry with it runs again; the same not-found unmarked is the request's outcome and replays.
/// </summary>
public sealed class InconclusiveAnswerTests(DynamoDbLocalFixture dynamodb) : IClassFixture<DynamoDbLocalFixture>, IAsyncLifetime
{
    private const string Table = "idempotency-filter-tests";
    private readonly ThingIndex _index = new();
    private IdempotencyStore _store = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        try
        {
            await dynamodb.Client.CreateTableAsync(new CreateTableRequest
            {
                TableName = Table,
                BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions = [new("PK", Amazon.DynamoDBv2.ScalarAttributeType.S), new("SK", Amazon.DynamoDBv2.ScalarAttributeType.S)],
                KeySchema = [new("PK", Amazon.DynamoDBv2.KeyType.HASH), new("SK", Amazon.DynamoDBv2.KeyType.RANGE)],
            });
        }
        catch (ResourceInUseException)
        {
            // Created by an earlier test of this class: every test uses keys of its own.
        }

        _store = new IdempotencyStore(
            dynamodb.Client, new DynamoDbAdmission(Options.Create(new DynamoDbOptions()), TimeProvider.System), TimeProvider.System, Options.Create(new IdempotencyOptions()));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(_store);
        builder.Services.AddSingleton(_index);
        _app = builder.Build();
        _app.UseIdempotency();
        Map(_app, "before-handler", KeyClaim.BeforeHandler);
        Map(_app, "with-transaction", KeyClaim.WithTransaction);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData(KeyClaim.BeforeHandler)]
    [InlineData(KeyClaim.WithTransaction)]
    public async Task A_not_found_marked_inconclusive_is_not_recorded_and_the_retry_with_the_key_runs_again(KeyClaim claim)
    {
        var key = Guid.NewGuid().ToString("N");
        _index.MarksMissesInconclusive = true;

        _index.Behind = true;
        using var missed = await PostAsync(claim, key);
        var recordAfterMiss = await _store.FindAsync(ScopeOf(key), default);
        _index.Behind = false;
        using var made = await PostAsync(claim, key);
        using var replayed = await PostAsync(claim, key);

        Assert.Equal(HttpStatusCode.NotFound, missed.StatusCode);
        Assert.Null(recordAfterMiss);
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.False(made.Headers.Contains(IdempotencyKey.ReplayedHeaderName));
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal("true", replayed.Headers.GetValues(IdempotencyKey.ReplayedHeaderName).Single());
        Assert.Equal(await made.Content.ReadAsStringAsync(), await replayed.Content.ReadAsStringAsync());
        Assert.Equal(IdempotencyStatus.Completed, (await _store.FindAsync(ScopeOf(key), default))?.Status);
    }

    [Theory]
    [InlineData(KeyClaim.BeforeHandler)]
    [InlineData(KeyClaim.WithTransaction)]
    public async Task A_not_found_not_marked_is_the_requests_outcome_and_replays(KeyClaim claim)
    {
        var key = Guid.NewGuid().ToString("N");
        _index.MarksMissesInconclusive = false;

        _index.Behind = true;
        using var missed = await PostAsync(claim, key);
        _index.Behind = false;
        using var again = await PostAsync(claim, key);

        Assert.Equal(HttpStatusCode.NotFound, missed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues(IdempotencyKey.ReplayedHeaderName).Single());
        Assert.Equal(IdempotencyStatus.Completed, (await _store.FindAsync(ScopeOf(key), default))?.Status);
    }

    private static void Map(IEndpointRouteBuilder app, string route, KeyClaim claim) =>
        app.MapPost($"/{route}/things", (HttpContext http, ThingIndex index) => index.Make(http))
            .WithIdempotency((_, key) => ScopeOf(key), required: true, claim);

    private static IdempotencyScope ScopeOf(IdempotencyKey key) => new(Table, $"IDEM#{IdempotencyScope.CallerKey("tester", key)}", "METADATA");

    private static IdempotencyScope ScopeOf(string header) =>
        IdempotencyKey.TryParse(header, out var key, out var error) ? ScopeOf(key) : throw new ArgumentException(error, nameof(header));

    private Task<HttpResponseMessage> PostAsync(KeyClaim claim, string key)
    {
        var route = claim == KeyClaim.BeforeHandler ? "before-handler" : "with-transaction";
        var request = new HttpRequestMessage(HttpMethod.Post, $"/{route}/things") { Content = new StringContent("""{"name":"thing"}""", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add(IdempotencyKey.HeaderName, key);
        return _http.SendAsync(request);
    }

    /// <summary>The handler's stand-in for an eventually consistent index: while it is behind, the thing is not found.</summary>
    private sealed class ThingIndex
    {
        private int _made;

        public bool Behind { get; set; }

        public bool MarksMissesInconclusive { get; set; }

        public IResult Make(HttpContext http)
        {
            if (Behind)
            {
                if (MarksMissesInconclusive)
                {
                    http.GetIdempotency()!.MarkInconclusive();
                }

                return TypedResults.NotFound();
            }

            var made = Interlocked.Increment(ref _made);
            return TypedResults.Created($"/things/{made}", new Thing(made));
        }
    }

    private sealed record Thing(int Number);
}
