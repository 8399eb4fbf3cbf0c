using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Payments;
using Commands = HostingIntegrations.DynamoDBFaults.DynamoDBFaultInjectorBuilderExtensions.Commands;

namespace IntegrationTests.Resilience;

/// <summary>
/// A write that reached DynamoDB but whose answer did not reach the service (a slow network, a paused client): the
/// client is told 503, and its retry with the same Idempotency-Key must not make the change a second time.
/// </summary>
[Collection(FaultInjectionCollection.Name)]
public sealed class AnswerLostTests(FaultInjectionFixture platform)
{
    private static readonly TimeSpan WellPastTheAttemptTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_fraud_event_whose_answer_was_lost_is_recorded_once_by_the_retry_with_its_key()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        string[] keys = [Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N")];

        await SendTwiceLosingHalfTheAnswersAsync(keys, key => RecordAsync(alice, key));

        var listed = await alice.Http.GetFromJsonAsync<JsonElement>("/users/me/fraud-events");
        var details = listed.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("detail").GetString()).ToList();
        Assert.All(keys, key => Assert.Single(details, detail => detail == key));
    }

    [Fact]
    public async Task A_beneficiary_whose_answer_was_lost_is_added_once_by_the_retry_with_its_key()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        string[] keys = [Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N")];

        // The beneficiary's name is its key, so each request's beneficiaries can be counted.
        await SendTwiceLosingHalfTheAnswersAsync(
            keys, key => alice.SendAsync(HttpMethod.Post, "/users/me/beneficiaries", new { name = key, iban = "GB82 WEST 1234 5698 7654 32" }, key));

        var listed = await alice.Http.GetFromJsonAsync<JsonElement>("/users/me/beneficiaries");
        var names = listed.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("name").GetString()).ToList();
        Assert.All(keys, key => Assert.Single(names, name => name == key));
    }

    /// <summary>Sends one request per key while every second write loses its answer, then retries each key until it is answered 201.</summary>
    private async Task SendTwiceLosingHalfTheAnswersAsync(string[] keys, Func<string, Task<HttpResponseMessage>> send)
    {
        var firstAnswers = new List<HttpStatusCode>();

        // Every second write is applied by DynamoDB and its answer held past the attempt timeout, so a write of one of the
        // two requests is hit (a request's writes being its key's claim, its change and its completion, or one transaction of them).
        await using (await platform.InjectAsync(Commands.HoldAnswers, ("percent", "50"), ("operations", "PutItem,TransactWriteItems")))
        {
            foreach (var key in keys)
            {
                using var first = await send(key);
                firstAnswers.Add(first.StatusCode);
            }
        }

        Assert.Contains(HttpStatusCode.ServiceUnavailable, firstAnswers);
        foreach (var key in keys)
        {
            using var retried = await Eventually.ReturnsAsync(
                () => send(key), response => response.StatusCode == HttpStatusCode.Created, WellPastTheAttemptTimeout);
        }
    }

    // The event's detail is its key, so each request's events can be counted.
    private static Task<HttpResponseMessage> RecordAsync(PaymentsDriver driver, string key) =>
        driver.SendAsync(HttpMethod.Post, "/users/me/fraud-events", new { type = "LOGIN_ATTEMPT", detail = key }, key);
}
