using System.Diagnostics;
using Xunit.Abstractions;

namespace IntegrationTests.Carts;

/// <summary>A short latency measurement through the gateway (reported, not asserted: timing on shared CI cores is noise).</summary>
[Collection(PlatformCollection.Name)]
public sealed class CartLatencyTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const int Requests = 500;

    [Fact]
    public async Task Add_item_and_get_cart_latencies_are_measured_through_the_gateway()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        for (var i = 0; i < 20; i++)
        {
            await shopper.AddAsync(cartId, Sku(i), 1); // warm-up, and a cart of realistic size
            await shopper.GetAsync($"/carts/{cartId}");
        }

        var adds = new List<double>(Requests);
        var gets = new List<double>(Requests);
        for (var i = 0; i < Requests; i++)
        {
            var watch = Stopwatch.StartNew();
            using (var response = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = Sku(i % 20), qty = 1 }))
            {
                Assert.True(response.IsSuccessStatusCode);
            }

            adds.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var (status, _) = await shopper.GetAsync($"/carts/{cartId}");
            gets.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal(System.Net.HttpStatusCode.OK, status);
        }

        output.WriteLine($"add-item ({Requests} sequential): p50 {Percentile(adds, 50):0.0} ms, p95 {Percentile(adds, 95):0.0} ms");
        output.WriteLine($"get-cart ({Requests} sequential): p50 {Percentile(gets, 50):0.0} ms, p95 {Percentile(gets, 95):0.0} ms");
    }

    private static string Sku(int i) => $"SKU-{21 + i + (i / 9)}"; // skips SKU-30, SKU-40 (priced in EUR)

    private static double Percentile(List<double> samples, int percentile)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
