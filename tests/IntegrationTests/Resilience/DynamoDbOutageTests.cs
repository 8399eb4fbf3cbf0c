using System.Net;
using IntegrationTests.Carts;
using IntegrationTests.Gateway;
using Commands = HostingIntegrations.DynamoDBFaults.DynamoDBFaultInjectorBuilderExtensions.Commands;

namespace IntegrationTests.Resilience;

/// <summary>DynamoDB failing every call: carts people are looking at stay readable, changes are refused cleanly.</summary>
[Collection(FaultInjectionCollection.Name)]
public sealed class DynamoDbOutageTests(FaultInjectionFixture platform)
{
    [Fact]
    public async Task While_DynamoDB_fails_every_call_a_cart_still_reads_from_the_cache_and_a_change_answers_503()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        await shopper.AddAsync(cartId, "SKU-14", 3, key: "before-outage");
        var injectedBefore = platform.Faults.InjectedCalls;

        (HttpStatusCode Status, System.Text.Json.JsonElement Body) read;
        HttpResponseMessage change;
        await using (await platform.InjectAsync(Commands.Fail))
        {
            read = await shopper.GetAsync($"/carts/{cartId}");
            change = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-14", qty = 1 }, "during-outage");
        }

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(3, CartClient.QuantityOf(read.Body, "SKU-14"));
        await change.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE");
        Assert.NotNull(change.Headers.RetryAfter);
        Assert.True(platform.Faults.InjectedCalls > injectedBefore, "the outage never hit a call");

        var (_, after) = await shopper.GetAsync($"/carts/{cartId}");
        Assert.Equal(3, CartClient.QuantityOf(after, "SKU-14"));
    }
}
