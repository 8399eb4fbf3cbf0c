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

    [Fact]
    public async Task A_beneficiary_with_a_wrong_iban_is_a_field_error()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);

        var response = await alice.Http.PostAsJsonAsync("/users/me/beneficiaries", new { name = "X", iban = "GB82WEST12345698765433" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("\"iban\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
