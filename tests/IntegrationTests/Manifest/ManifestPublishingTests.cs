using System.Text.Json.Nodes;
using Json.Schema;

namespace IntegrationTests.Manifest;

/// <summary><c>dotnet run --project AppHost -- --publisher manifest --output-path …</c>: Aspire's own publisher, describing production.</summary>
public sealed class ManifestPublishingTests
{
    [Fact]
    public async Task The_published_manifest_is_valid_and_describes_production_without_dynamodb_local_or_dummy_credentials()
    {
        var output = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}", "aspire-manifest.json");
        await using var run = AppHostRun.Start(["--publisher", "manifest", "--output-path", output]);
        Assert.True(await run.WaitForExitAsync(TimeSpan.FromMinutes(2)), string.Join(Environment.NewLine, run.Output.TakeLast(20)));
        Assert.True(run.ExitCode == 0, string.Join(Environment.NewLine, run.Output.TakeLast(20)));

        var text = await File.ReadAllTextAsync(output);
        var manifest = JsonNode.Parse(text)!;
        var schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Manifest", "aspire-8.0.json"));
        var result = schema.Evaluate(manifest, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join(Environment.NewLine, (result.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));

        var resources = manifest["resources"]!.AsObject();
        Assert.Equal(
            ["canary", "cart-api", "events-worker", "gateway", "identity-audience", "identity-authority", "payments-api", "redis"],
            resources.Select(r => r.Key).Order(StringComparer.Ordinal));

        // Production: the real DynamoDB through the SDK's standard chain (task role, regional endpoint), nothing local.
        Assert.DoesNotContain("dynamodb", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AWS_", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"local\"", text, StringComparison.Ordinal);

        // Redis is the platform's (ElastiCache): a secret connection string the deployment supplies.
        Assert.Equal("parameter.v0", (string?)resources["redis"]!["type"]);
        Assert.True((bool?)resources["redis"]!["inputs"]!["value"]!["secret"]);
        foreach (var service in new[] { "cart-api", "events-worker" })
        {
            Assert.Equal("{redis.connectionString}", (string?)resources[service]!["env"]!["ConnectionStrings__redis"]);
        }

        // One cart-api (the deployment scales it), found by the gateway and by cart-api's checkout through service discovery.
        Assert.Equal("project.v0", (string?)resources["cart-api"]!["type"]);
        Assert.Equal("{cart-api.bindings.http.url}", (string?)resources["gateway"]!["env"]!["services__cart-api__http__0"]);
        Assert.Equal("{payments-api.bindings.http.url}", (string?)resources["cart-api"]!["env"]!["services__payments-api__http__0"]);

        // The canary runs in production too: a shopper that finds the gateway through service discovery, every minute.
        Assert.Equal("project.v0", (string?)resources["canary"]!["type"]);
        Assert.Equal("{gateway.bindings.http.url}", (string?)resources["canary"]!["env"]!["services__gateway__http__0"]);
        Assert.Equal("00:01:00", (string?)resources["canary"]!["env"]!["Canary__Interval"]);

        // Bearer tokens from the real issuer (Cognito), never the development key.
        Assert.Equal("{identity-authority.value}", (string?)resources["gateway"]!["env"]!["Authentication__Schemes__Bearer__Authority"]);
        Assert.DoesNotContain("SigningKeys", text, StringComparison.Ordinal);

        Assert.True((bool?)resources["gateway"]!["bindings"]!["http"]!["external"]);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(output)!, (string)resources["cart-api"]!["path"]!)));
    }
}
