using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Payments;

namespace IntegrationTests.Idempotency;

/// <summary>A key is scoped to its caller: no user id and key can be chosen to reach another caller's record.</summary>
[Collection(PlatformCollection.Name)]
public sealed class IdempotencyScopeTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_user_whose_id_extends_another_users_id_cannot_replay_that_users_response()
    {
        var alice = $"alice-{Guid.NewGuid():N}";
        using var victim = new PaymentsDriver(platform, alice);
        using var attacker = new PaymentsDriver(platform, alice + "#x");

        var original = await victim.SendAsync(HttpMethod.Post, "/accounts", new { currency = "EUR" }, key: "x#k1");
        var attempt = await attacker.SendAsync(HttpMethod.Post, "/accounts", new { currency = "EUR" }, key: "k1");

        Assert.Equal(HttpStatusCode.Created, original.StatusCode);
        Assert.Equal(HttpStatusCode.Created, attempt.StatusCode);
        Assert.False(attempt.Headers.Contains("Idempotent-Replayed"), "the attacker got the victim's stored response");
        Assert.NotEqual(
            (await original.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accountId").GetString(),
            (await attempt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accountId").GetString());
    }
}
