using System.Net;
using IntegrationTests.Carts;
using IntegrationTests.Gateway;
using Commands = HostingIntegrations.DynamoDBFaults.DynamoDBFaultInjectorBuilderExtensions.Commands;

namespace IntegrationTests.Resilience;

/// <summary>
/// A DynamoDB slower than the calls arriving: a service keeps at most its share of calls in flight and answers the
/// rest 503 with Retry-After at once, instead of queueing them inside DynamoDB. Nothing shed is applied, nothing
/// admitted is lost.
/// </summary>
[Collection(FaultInjectionCollection.Name)]
public sealed class DynamoDbAdmissionTests(FaultInjectionFixture platform)
{
    private const int Writers = 12;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(1500);

    [Fact]
    public async Task Cart_writes_beyond_the_calls_a_replica_may_have_in_flight_are_shed_with_503_and_never_reach_DynamoDB()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var carts = new List<string>();
        for (var i = 0; i < Writers; i++)
        {
            carts.Add(await shopper.CreateCartAsync());
        }

        var transactionsBefore = Transactions();
        HttpResponseMessage[] answers;
        long peak;
        await using (await platform.InjectAsync(Commands.Slow, ("milliseconds", $"{Latency.TotalMilliseconds}"), ("operations", "TransactWriteItems")))
        {
            answers = await Task.WhenAll(carts.Select((cartId, i) =>
                shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-14", qty = 1 }, $"admission-{i}")));
            peak = platform.Faults.PeakCallsInFlight;
        }

        var added = answers.Count(answer => answer.StatusCode == HttpStatusCode.OK);
        var shed = answers.Where(answer => answer.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.True(added + shed.Count == Writers, $"answers: {string.Join(", ", answers.Select(a => (int)a.StatusCode))}");
        Assert.InRange(added, 1, Writers - 1);
        foreach (var refused in shed)
        {
            await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
            Assert.NotNull(refused.Headers.RetryAfter);
        }

        // One more call may be payments-api's health check (its DescribeTable), which has slots of its own.
        Assert.InRange(peak, 1, FaultInjectionFixture.CartApiCallsInFlight + 1);
        Assert.Equal(added, Transactions() - transactionsBefore); // a shed write never reached DynamoDB

        for (var i = 0; i < Writers; i++)
        {
            var (_, cart) = await shopper.GetAsync($"/carts/{carts[i]}");
            Assert.Equal(answers[i].StatusCode == HttpStatusCode.OK ? 1 : 0, CartClient.QuantityOf(cart, "SKU-14"));
            answers[i].Dispose();
        }
    }

    private long Transactions() => platform.Faults.CallsByOperation.GetValueOrDefault("TransactWriteItems");
}
