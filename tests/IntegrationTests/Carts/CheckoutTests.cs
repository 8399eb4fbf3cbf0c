using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace IntegrationTests.Carts;

/// <summary>Checkout re-prices from the catalog and pays through Payments.Api exactly once.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CheckoutTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task A_checkout_retried_three_times_pays_once_and_closes_the_cart()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        using var shopper = CartClient.ThroughGateway(platform, userId);
        var accountId = await OpenFundedAccountAsync(shopper, 1_000_000);
        var cartId = await shopper.CreateCartAsync();
        var added = await shopper.AddAsync(cartId, "SKU-12", 2, attrs: null);
        var expected = added.GetProperty("totals").GetProperty("total").GetInt64();
        var key = Guid.NewGuid().ToString();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var first = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId }, key);
        output.WriteLine($"first checkout took {watch.ElapsedMilliseconds} ms");
        using var replayed = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId }, key);
        using var retriedWithNewKey = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId }, Guid.NewGuid().ToString());

        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.True(first.StatusCode == HttpStatusCode.OK, firstBody);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retriedWithNewKey.StatusCode);
        var payment = JsonDocument.Parse(firstBody).RootElement.GetProperty("payment");
        var txnId = payment.GetProperty("txnId").GetString();
        Assert.False(string.IsNullOrEmpty(txnId));
        Assert.Equal(expected, payment.GetProperty("amount").GetInt64());
        Assert.Equal(txnId, (await replayed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payment").GetProperty("txnId").GetString());
        Assert.Equal(txnId, (await retriedWithNewKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payment").GetProperty("txnId").GetString());

        var (_, account) = await shopper.GetAsync($"/accounts/{accountId}");
        Assert.Equal(1_000_000 - expected, account.GetProperty("balance").GetInt64()); // one debit
        using var write = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-12", qty = 1 });
        Assert.Equal(HttpStatusCode.Conflict, write.StatusCode);
        Assert.Equal("CHECKED_OUT", (await shopper.GetAsync($"/carts/{cartId}")).Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_checkout_refused_for_a_stale_if_match_runs_when_retried_with_its_key_and_a_fresh_one()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        using var shopper = CartClient.ThroughGateway(platform, userId);
        var accountId = await OpenFundedAccountAsync(shopper, 1_000_000);
        var cartId = await shopper.CreateCartAsync();
        var added = await shopper.AddAsync(cartId, "SKU-12", 1);
        var total = added.GetProperty("totals").GetProperty("total").GetInt64();
        var key = Guid.NewGuid().ToString();

        using var stale = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId }, key, ifMatch: "\"0\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        // A 412 changed nothing: the client re-reads and retries with the same key, and the checkout runs.
        using var retried = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId }, key, ifMatch: $"\"{added.GetProperty("version").GetInt64()}\"");
        Assert.True(retried.StatusCode == HttpStatusCode.OK, await retried.Content.ReadAsStringAsync());
        Assert.False(retried.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1_000_000 - total, (await shopper.GetAsync($"/accounts/{accountId}")).Body.GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task Three_concurrent_checkouts_with_different_keys_charge_once()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        using var shopper = CartClient.ThroughGateway(platform, userId);
        var accountId = await OpenFundedAccountAsync(shopper, 1_000_000);
        var cartId = await shopper.CreateCartAsync();
        var total = (await shopper.AddAsync(cartId, "SKU-15", 3)).GetProperty("totals").GetProperty("total").GetInt64();

        var checkouts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId }, Guid.NewGuid().ToString())));
        var bodies = await Task.WhenAll(checkouts.Select(async checkout => ((int)checkout.StatusCode, await checkout.Content.ReadAsStringAsync())));
        foreach (var checkout in checkouts)
        {
            checkout.Dispose();
        }

        Assert.All(bodies, body => Assert.True(body.Item1 == 200, body.Item2));
        Assert.Single(bodies.Select(body => JsonDocument.Parse(body.Item2).RootElement.GetProperty("payment").GetProperty("txnId").GetString()).Distinct());
        Assert.Equal(1_000_000 - total, (await shopper.GetAsync($"/accounts/{accountId}")).Body.GetProperty("balance").GetInt64());
    }

    [Fact]
    public async Task A_declined_payment_leaves_the_cart_open_and_answers_insufficient_funds()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        using var shopper = CartClient.ThroughGateway(platform, userId);
        var accountId = await OpenFundedAccountAsync(shopper, 1);
        var cartId = await shopper.CreateCartAsync();
        await shopper.AddAsync(cartId, "SKU-16", 1);

        using var checkout = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, checkout.StatusCode);
        Assert.Equal("INSUFFICIENT_FUNDS", (await checkout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("OPEN", (await shopper.GetAsync($"/carts/{cartId}")).Body.GetProperty("status").GetString());
        await shopper.AddAsync(cartId, "SKU-16", 1); // it accepts changes again
    }

    [Fact]
    public async Task A_replayed_declined_checkout_is_the_original_response_byte_for_byte()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        using var shopper = CartClient.ThroughGateway(platform, userId);
        var accountId = await OpenFundedAccountAsync(shopper, 1);
        var cartId = await shopper.CreateCartAsync();
        await shopper.AddAsync(cartId, "SKU-16", 1);
        var key = Guid.NewGuid().ToString();

        using var declined = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId }, key);
        using var replayed = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId }, key);

        var original = await declined.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, declined.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, replayed.StatusCode);
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(original, await replayed.Content.ReadAsStringAsync());
        Assert.Equal(declined.Content.Headers.ContentType?.MediaType, replayed.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(original).RootElement;
        foreach (var member in new[] { "code", "instance", "traceId", "requestId" })
        {
            Assert.True(problem.TryGetProperty(member, out _), $"the decline lacks {member}: {original}");
        }
    }

    [Fact]
    public async Task A_cart_its_discounts_cover_whole_is_refused_on_its_total_before_anything_is_held_or_charged()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        using var shopper = CartClient.ThroughGateway(platform, userId);
        var accountId = await OpenFundedAccountAsync(shopper, 1_000_000);
        var (_, cheapest) = await shopper.GetAsync("/catalog/categories/dairy/products?sort=price&maxPrice=500&limit=1");
        var sku = cheapest.GetProperty("items")[0].GetProperty("sku").GetString()!; // TAKE5 takes 500 off the cart
        var cartId = await shopper.CreateCartAsync();
        var added = await shopper.AddAsync(cartId, sku, 1);
        var itemId = added.GetProperty("items")[0].GetProperty("itemId").GetString();
        using (var discounted = await shopper.SendAsync(HttpMethod.Patch, $"/carts/{cartId}/items/{itemId}", new { qty = 1, promoCodes = new[] { "TAKE5" } }))
        {
            Assert.Equal(0, (await discounted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totals").GetProperty("total").GetInt64());
        }

        using var checkout = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, checkout.StatusCode);
        var problem = await checkout.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("VALIDATION_FAILED", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("total", out _), problem.ToString());
        var (_, cart) = await shopper.GetAsync($"/carts/{cartId}");
        Assert.Equal("OPEN", cart.GetProperty("status").GetString());
        Assert.Equal(1, cart.GetProperty("version").GetInt64() - added.GetProperty("version").GetInt64()); // the discount only: never frozen and reopened
    }

    [Fact]
    public async Task A_checkout_from_a_closed_account_is_refused_on_the_account_and_leaves_the_cart_open_for_another()
    {
        // Payments.Api refuses a closed account for good. That used to be a 409, which checkout read as "the same
        // payment is in progress": the cart stayed PAYING with its stock and slot held, and every retry met the same 409.
        var userId = $"user-{Guid.NewGuid():N}";
        using var shopper = CartClient.ThroughGateway(platform, userId);
        var closedId = await OpenAccountAsync(shopper);
        using (var closing = await shopper.SendAsync(HttpMethod.Post, $"/accounts/{closedId}/close", null, Guid.NewGuid().ToString()))
        {
            Assert.Equal(HttpStatusCode.OK, closing.StatusCode);
        }

        var cartId = await shopper.CreateCartAsync();
        await shopper.AddAsync(cartId, "SKU-14", 1);

        using var refused = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId = closedId }, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("accountId", out _), problem.ToString());
        Assert.Equal("OPEN", (await shopper.GetAsync($"/carts/{cartId}")).Body.GetProperty("status").GetString());

        var fundedId = await OpenFundedAccountAsync(shopper, 1_000_000);
        using var paid = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId = fundedId }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
    }

    [Fact]
    public async Task A_cart_with_a_product_that_no_longer_exists_is_rejected_with_its_sku()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        using var shopper = CartClient.ThroughGateway(platform, userId);
        var cartId = await shopper.CreateCartAsync();
        await shopper.AddAsync(cartId, "SKU-13", 1);
        await using (var storage = await CartStorage.ConnectAsync(platform))
        {
            await storage.PutLineAsync(cartId, "DISCONTINUED-1");
        }

        using var checkout = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId = "acct-unused" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, checkout.StatusCode);
        var problem = await checkout.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("VALIDATION_FAILED", problem.GetProperty("code").GetString());
        Assert.Contains("DISCONTINUED-1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("OPEN", (await shopper.GetAsync($"/carts/{cartId}")).Body.GetProperty("status").GetString());
    }

    private static async Task<string> OpenFundedAccountAsync(CartClient shopper, long amount)
    {
        var accountId = await OpenAccountAsync(shopper);
        using var deposit = await shopper.SendAsync(HttpMethod.Post, $"/accounts/{accountId}/deposits", new { amount, currency = "USD" }, Guid.NewGuid().ToString());
        Assert.True(deposit.IsSuccessStatusCode, $"deposit answered {(int)deposit.StatusCode}: {await deposit.Content.ReadAsStringAsync()}");
        return accountId;
    }

    private static async Task<string> OpenAccountAsync(CartClient shopper)
    {
        using var opened = await shopper.SendAsync(HttpMethod.Post, "/accounts", new { currency = "USD" });
        var body = await opened.Content.ReadAsStringAsync();
        Assert.True(opened.StatusCode == HttpStatusCode.Created, $"POST /accounts answered {(int)opened.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("accountId").GetString()!;
    }
}
