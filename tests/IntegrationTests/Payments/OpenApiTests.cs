using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationTests.Payments;

/// <summary>Payments.Api publishes its OpenAPI document.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OpenApiTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_openapi_document_describes_the_payment_routes_and_their_bearer_scheme()
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = platform.PaymentsApi };

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/payments", paths);
        Assert.Contains("/payments/{txnId}/refunds", paths);
        Assert.Contains("/accounts/{accountId}/transactions", paths);
        Assert.Contains("/merchants/{merchantId}/transactions", paths);
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
    }
}
