using System.Net;
using System.Net.Http.Headers;
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
    private const string Iban = "GB82 WEST 1234 5698 7654 32";

    private static readonly TimeSpan WellPastTheAttemptTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_fraud_event_whose_answer_was_lost_is_recorded_once_by_the_retry_with_its_key()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        string[] keys = [Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N")];

        var retried = await SendTwiceLosingHalfTheAnswersAsync(keys, key => RecordAsync(alice, key));

        Assert.All(retried.Values, answer => Assert.Equal(HttpStatusCode.Created, answer.StatusCode));

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
        var retried = await SendTwiceLosingHalfTheAnswersAsync(
            keys, key => alice.SendAsync(HttpMethod.Post, "/users/me/beneficiaries", new { name = key, iban = Iban }, key));

        Assert.All(retried.Values, answer => Assert.Equal(HttpStatusCode.Created, answer.StatusCode));

        var listed = await alice.Http.GetFromJsonAsync<JsonElement>("/users/me/beneficiaries");
        var names = listed.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("name").GetString()).ToList();
        Assert.All(keys, key => Assert.Single(names, name => name == key));
    }

    [Fact]
    public async Task A_beneficiary_replacement_whose_answer_was_lost_is_replayed_to_the_retry_with_its_key()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var beneficiaries = await AddBeneficiariesAsync(alice, count: 2); // one per key, each at version 1

        // The new name is the key, so each request's replacement can be recognised.
        var retried = await SendTwiceLosingHalfTheAnswersAsync(
            [.. beneficiaries.Keys], key => SendIfMatchAsync(alice, HttpMethod.Put, beneficiaries[key], new { name = key, iban = Iban }, key));

        foreach (var (key, beneficiaryId) in beneficiaries)
        {
            var answer = retried[key];
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("true", Assert.Single(answer.Headers.GetValues("Idempotent-Replayed")));
            Assert.Equal("\"2\"", answer.Headers.ETag?.ToString());
            Assert.Equal(key, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());

            using var read = await alice.Http.GetAsync($"/users/me/beneficiaries/{beneficiaryId}");
            var stored = await read.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(key, stored.GetProperty("name").GetString());
            Assert.Equal(2, stored.GetProperty("version").GetInt64()); // replaced once: version 1 → 2, never 3
        }
    }

    [Fact]
    public async Task A_beneficiary_deletion_whose_answer_was_lost_is_replayed_as_204_to_the_retry_with_its_key()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var beneficiaries = await AddBeneficiariesAsync(alice, count: 2);

        var retried = await SendTwiceLosingHalfTheAnswersAsync(
            [.. beneficiaries.Keys], key => SendIfMatchAsync(alice, HttpMethod.Delete, beneficiaries[key], body: null, key), writes: "DeleteItem,TransactWriteItems");

        foreach (var (key, beneficiaryId) in beneficiaries)
        {
            var answer = retried[key];
            Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
            Assert.Equal("true", Assert.Single(answer.Headers.GetValues("Idempotent-Replayed")));
            Assert.Empty(await answer.Content.ReadAsByteArrayAsync());
            Assert.Null(answer.Content.Headers.ContentType);
            Assert.Equal(HttpStatusCode.NotFound, (await alice.Http.GetAsync($"/users/me/beneficiaries/{beneficiaryId}")).StatusCode);
        }
    }

    /// <summary>
    /// Sends one request per key while every second write loses its answer, then retries each key past the fault (while
    /// the answer is 503) and hands back each key's retried answer.
    /// </summary>
    private async Task<Dictionary<string, HttpResponseMessage>> SendTwiceLosingHalfTheAnswersAsync(
        string[] keys, Func<string, Task<HttpResponseMessage>> send, string writes = "PutItem,TransactWriteItems")
    {
        var firstAnswers = new List<HttpStatusCode>();

        // Every second write of the operations named is applied by DynamoDB and its answer held past the attempt timeout,
        // so a write of one of the two requests is hit (a request's writes being its key's claim, its change and its
        // completion, or one transaction of them).
        await using (await platform.InjectAsync(Commands.HoldAnswers, ("percent", "50"), ("operations", writes)))
        {
            foreach (var key in keys)
            {
                using var first = await send(key);
                firstAnswers.Add(first.StatusCode);
            }
        }

        Assert.Contains(HttpStatusCode.ServiceUnavailable, firstAnswers);
        var retried = new Dictionary<string, HttpResponseMessage>();
        foreach (var key in keys)
        {
            retried[key] = await Eventually.ReturnsAsync(
                () => send(key), response => response.StatusCode != HttpStatusCode.ServiceUnavailable, WellPastTheAttemptTimeout);
        }

        return retried;
    }

    /// <summary>Adds <paramref name="count"/> beneficiaries (no fault in force); their ids, each under the key a test will change it with.</summary>
    private static async Task<Dictionary<string, string>> AddBeneficiariesAsync(PaymentsDriver driver, int count)
    {
        var beneficiaries = new Dictionary<string, string>();
        for (var i = 0; i < count; i++)
        {
            using var created = await driver.Http.PostAsJsonAsync("/users/me/beneficiaries", new { name = $"Payee {i}", iban = Iban });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            beneficiaries[Guid.NewGuid().ToString("N")] = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("beneficiaryId").GetString()!;
        }

        return beneficiaries;
    }

    /// <summary>A change of a beneficiary at version 1 (<c>If-Match: "1"</c>) with an Idempotency-Key.</summary>
    private static Task<HttpResponseMessage> SendIfMatchAsync(PaymentsDriver driver, HttpMethod method, string beneficiaryId, object? body, string key)
    {
        var request = new HttpRequestMessage(method, $"/users/me/beneficiaries/{beneficiaryId}");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        request.Headers.Add("Idempotency-Key", key);
        return driver.Http.SendAsync(request);
    }

    // The event's detail is its key, so each request's events can be counted.
    private static Task<HttpResponseMessage> RecordAsync(PaymentsDriver driver, string key) =>
        driver.SendAsync(HttpMethod.Post, "/users/me/fraud-events", new { type = "LOGIN_ATTEMPT", detail = key }, key);
}
