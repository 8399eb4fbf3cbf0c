using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Payments;
using Commands = HostingIntegrations.DynamoDBFaults.DynamoDBFaultInjectorBuilderExtensions.Commands;

namespace IntegrationTests.Resilience;

/// <summary>
/// A fraud event whose write reached DynamoDB but whose answer did not reach the service (a slow network, a paused
/// client): the client is told 503, and its retry with the same Idempotency-Key must not record the event a second time.
/// </summary>
[Collection(FaultInjectionCollection.Name)]
public sealed class FraudEventAnswerLostTests(FaultInjectionFixture platform)
{
    private static readonly TimeSpan WellPastTheAttemptTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_fraud_event_whose_answer_was_lost_is_recorded_once_by_the_retry_with_its_key()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        string[] keys = [Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N")];
        var firstAnswers = new List<HttpStatusCode>();

        // Every second write is applied by DynamoDB and its answer held past the attempt timeout: one of the two events'
        // writes (a request's writes being its key's claim, the event, the completion, or one transaction of them) is hit.
        await using (await platform.InjectAsync(Commands.HoldAnswers, ("percent", "50"), ("operations", "PutItem,TransactWriteItems")))
        {
            foreach (var key in keys)
            {
                using var first = await RecordAsync(alice, key);
                firstAnswers.Add(first.StatusCode);
            }
        }

        Assert.Contains(HttpStatusCode.ServiceUnavailable, firstAnswers);
        foreach (var key in keys)
        {
            using var retried = await Eventually.ReturnsAsync(
                () => RecordAsync(alice, key), response => response.StatusCode == HttpStatusCode.Created, WellPastTheAttemptTimeout);
        }

        var listed = await alice.Http.GetFromJsonAsync<JsonElement>("/users/me/fraud-events");
        var details = listed.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("detail").GetString()).ToList();
        Assert.All(keys, key => Assert.Single(details, detail => detail == key));
    }

    // The event's detail is its key, so each request's events can be counted.
    private static Task<HttpResponseMessage> RecordAsync(PaymentsDriver driver, string key) =>
        driver.SendAsync(HttpMethod.Post, "/users/me/fraud-events", new { type = "LOGIN_ATTEMPT", detail = key }, key);
}
