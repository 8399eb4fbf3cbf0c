using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationTests.Payments;

/// <summary>Beneficiaries: create, list, read, replace (If-Match), delete — each user sees only their own.</summary>
[Collection(PlatformCollection.Name)]
public sealed class BeneficiaryTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_beneficiary_can_be_created_listed_replaced_and_deleted_by_its_owner_only()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        using var mallory = PaymentsDriver.ForNewUser(platform);

        var created = await alice.Http.PostAsJsonAsync("/users/me/beneficiaries", new { name = "Landlord", iban = "GB82 WEST 1234 5698 7654 32" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("beneficiaryId").GetString();

        var listed = await alice.Http.GetFromJsonAsync<JsonElement>("/users/me/beneficiaries");
        Assert.Equal("GB82WEST12345698765432", Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("iban").GetString());
        Assert.Empty((await mallory.Http.GetFromJsonAsync<JsonElement>("/users/me/beneficiaries")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await mallory.Http.GetAsync($"/users/me/beneficiaries/{id}")).StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/users/me/beneficiaries/{id}") { Content = JsonContent.Create(new { name = "Landlord Ltd", iban = "DE89370400440532013000" }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"7\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await alice.Http.SendAsync(stale)).StatusCode);

        using var replace = new HttpRequestMessage(HttpMethod.Put, $"/users/me/beneficiaries/{id}") { Content = JsonContent.Create(new { name = "Landlord Ltd", iban = "DE89370400440532013000" }) };
        replace.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var replaced = await alice.Http.SendAsync(replace);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("\"2\"", replaced.Headers.ETag?.ToString());

        Assert.Equal(HttpStatusCode.NotFound, (await mallory.Http.DeleteAsync($"/users/me/beneficiaries/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.Http.DeleteAsync($"/users/me/beneficiaries/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.Http.GetAsync($"/users/me/beneficiaries/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("PUT", HttpStatusCode.OK)]
    [InlineData("DELETE", HttpStatusCode.NoContent)]
    public async Task A_stale_if_match_does_not_spend_the_key_so_its_retry_with_a_fresh_one_succeeds(string method, HttpStatusCode succeeded)
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        using var created = await alice.Http.PostAsJsonAsync("/users/me/beneficiaries", new { name = "Landlord", iban = "GB82 WEST 1234 5698 7654 32" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("beneficiaryId").GetString();
        var key = Guid.NewGuid().ToString("N");
        HttpRequestMessage Change(string etag)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), $"/users/me/beneficiaries/{id}");
            if (method == "PUT")
            {
                request.Content = JsonContent.Create(new { name = "Landlord Ltd", iban = "DE89370400440532013000" });
            }

            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        using (var stale = Change("\"7\""))
        using (var refused = await alice.Http.SendAsync(stale))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        }

        // The client re-reads (version 1) and retries with the same key: a 412 changed nothing, so it is not replayed.
        using var fresh = Change("\"1\"");
        using var retried = await alice.Http.SendAsync(fresh);
        Assert.Equal(succeeded, retried.StatusCode);
        Assert.False(retried.Headers.Contains("Idempotent-Replayed"));

        // That success is the key's outcome now.
        using var again = Change("\"1\"");
        using var replayed = await alice.Http.SendAsync(again);
        Assert.Equal(succeeded, replayed.StatusCode);
        Assert.Equal("true", Assert.Single(replayed.Headers.GetValues("Idempotent-Replayed")));
    }

    [Fact]
    public async Task A_beneficiary_with_a_wrong_iban_is_a_field_error()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);

        var response = await alice.Http.PostAsJsonAsync("/users/me/beneficiaries", new { name = "X", iban = "GB82WEST12345698765433" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("\"iban\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
