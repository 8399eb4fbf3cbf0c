using System.Text.Json.Nodes;
using Json.Schema;

namespace IntegrationTests.Manifest;

/// <summary><c>dotnet run --project AppHost -- --publisher manifest --output-path …</c> writes a manifest azd accepts.</summary>
public sealed class ManifestPublishingTests
{
    [Fact]
    public async Task The_published_manifest_is_valid_against_the_aspire_schema_and_describes_every_resource()
    {
        var output = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}", "aspire-manifest.json");
        await using var appHost = AppHostProcess.Start(["--publisher", "manifest", "--output-path", output]);
        Assert.True(await appHost.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(0, appHost.ExitCode);

        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(output))!;
        var schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Manifest", "aspire-8.0.json"));
        var result = schema.Evaluate(manifest, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join(Environment.NewLine, (result.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));

        var resources = manifest["resources"]!.AsObject();
        Assert.Equal(
            ["cart-api", "dynamodb", "events-worker", "gateway", "identity", "payments-api", "redis"],
            resources.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.Equal("project.v0", (string?)resources["cart-api"]!["type"]);
        Assert.Equal("{redis.connectionString}", (string?)resources["cart-api"]!["env"]!["ConnectionStrings__redis"]);
        Assert.Equal("{payments-api.bindings.http.url}", (string?)resources["cart-api"]!["env"]!["services__payments-api__http__0"]);
        Assert.Equal("{identity.value}", (string?)resources["gateway"]!["env"]!["Authentication__Schemes__Bearer__SigningKeys__0__Value"]);
        Assert.True((bool?)resources["gateway"]!["bindings"]!["http"]!["external"]);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(output)!, (string)resources["cart-api"]!["path"]!)));
    }
}
