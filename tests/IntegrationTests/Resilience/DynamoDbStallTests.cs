using System.Net;
using IntegrationTests.Carts;
using IntegrationTests.Gateway;
using Commands = HostingIntegrations.DynamoDBFaults.DynamoDBFaultInjectorBuilderExtensions.Commands;

namespace IntegrationTests.Resilience;

/// <summary>
/// DynamoDB stalled — every call held, unanswered — between the services and DynamoDB Local: a change waits at most
/// one attempt timeout for its 503, and once DynamoDB has left most of its recent calls unanswered the services stop
/// calling it and refuse at once with 503 + Retry-After, so no backlog builds up behind the stall. When DynamoDB answers again,
/// the same Idempotency-Key applies the change, once.
/// </summary>
[Collection(FaultInjectionCollection.Name)]
public sealed class DynamoDbStallTests(FaultInjectionFixture platform)
{
    private static readonly TimeSpan WellPastTheAttemptTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_stalled_DynamoDB_gets_503s_refused_without_calling_it_and_the_same_keys_apply_once_it_answers()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        await shopper.AddAsync(cartId, "SKU-15", 1, key: "before-stall");

        var refusedWithoutCall = new List<HttpResponseMessage>();
        long callsWhileRefusing;
        await using (await platform.InjectAsync(Commands.Stall))
        {
            // Until the circuit opens, each change waits for its attempt to time out, then answers 503.
            using var deadline = new CancellationTokenSource(WellPastTheAttemptTimeout);
            var attempt = 0;
            while (true)
            {
                var before = platform.Faults.InjectedCalls;
                using var change = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-15", qty = 1 }, $"stall-{attempt++}")
                    .WaitAsync(deadline.Token);
                await change.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
                Assert.NotNull(change.Headers.RetryAfter);
                if (platform.Faults.InjectedCalls == before)
                {
                    break; // refused without a call to DynamoDB: the circuit is open
                }
            }

            // Open, every change is refused at once, and (but for one probe, should the break end meanwhile) none reaches DynamoDB.
            var callsWhenOpen = platform.Faults.InjectedCalls;
            for (var i = 0; i < 10; i++)
            {
                refusedWithoutCall.Add(await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-15", qty = 1 }, $"open-{i}"));
            }

            callsWhileRefusing = platform.Faults.InjectedCalls - callsWhenOpen;
        }

        foreach (var refused in refusedWithoutCall)
        {
            await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
            Assert.NotNull(refused.Headers.RetryAfter);
            refused.Dispose();
        }

        Assert.True(callsWhileRefusing <= 1, $"{callsWhileRefusing} calls reached the stalled DynamoDB while the circuit was open");

        // DynamoDB answers again: after the break one probe closes the circuit and the same key applies the change.
        using var applied = await Eventually.ReturnsAsync(
            () => shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-15", qty = 1 }, "open-0"),
            response => response.StatusCode == HttpStatusCode.OK,
            WellPastTheAttemptTimeout);
        using var replayed = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-15", qty = 1 }, "open-0");
        var (_, cart) = await shopper.GetAsync($"/carts/{cartId}");

        Assert.Equal("true", replayed.Headers.TryGetValues("Idempotent-Replayed", out var values) ? values.Single() : null);
        Assert.Equal(2, CartClient.QuantityOf(cart, "SKU-15"));
    }
}
