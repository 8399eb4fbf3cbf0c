using System.Text.Json.Nodes;
using Json.Schema;

namespace IntegrationTests.Manifest;

/// <summary><c>dotnet run --project AppHost -- --publisher manifest --output-path …</c>: Aspire's own publisher, describing production.</summary>
public sealed class ManifestPublishingTests(PublishedManifest manifest) : IClassFixture<PublishedManifest>
{
    private static readonly string GoldenFile =
        Path.Combine(PublishedManifest.RepositoryRoot, "tests", "IntegrationTests", "Manifest", "aspire-manifest.golden.json");

    [Fact]
    public void The_published_manifest_is_valid_and_describes_production_without_dynamodb_local_or_dummy_credentials()
    {
        var text = manifest.Text;
        var schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Manifest", "aspire-8.0.json"));
        var result = schema.Evaluate(manifest.Json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join(Environment.NewLine, (result.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));

        var resources = manifest.Json["resources"]!.AsObject();
        Assert.Equal(
            ["audit-bucket", "canary", "cart-api", "carts-table", "events-leases-table", "events-worker", "gateway", "identity-authority",
             "identity-client-id", "payments-api", "payments-table", "redis", "storefront-origin", "trusted-network"],
            resources.Select(r => r.Key).Order(StringComparer.Ordinal));

        // Production: the real DynamoDB through the SDK's standard chain (task role, regional endpoint), nothing local.
        Assert.DoesNotContain("{dynamodb", text, StringComparison.OrdinalIgnoreCase); // no reference to a dynamodb resource
        Assert.DoesNotContain("DynamoDBLocal", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AWS_", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"local\"", text, StringComparison.Ordinal);

        // What differs per environment is a parameter the deployment supplies: table names, the audit bucket, …
        Assert.Equal("{carts-table.value}", Env("cart-api", "DynamoDb__Tables__carts"));
        Assert.Equal("{payments-table.value}", Env("payments-api", "DynamoDb__Tables__payments"));
        Assert.Equal("{carts-table.value}", Env("events-worker", "DynamoDb__Tables__carts"));
        Assert.Equal("{payments-table.value}", Env("events-worker", "DynamoDb__Tables__payments"));
        Assert.Equal("{events-leases-table.value}", Env("events-worker", "DynamoDb__Tables__events-leases"));
        Assert.Equal("{audit-bucket.value}", Env("events-worker", "Events__AuditBucket"));
        Assert.Equal("{storefront-origin.value}", Env("gateway", "Cors__AllowedOrigins__0"));
        Assert.Equal("{trusted-network.value}", Env("gateway", "ForwardedHeaders__TrustedNetworks__0"));

        // Redis is the platform's (ElastiCache): a secret connection string the deployment supplies.
        Assert.Equal("parameter.v0", (string?)resources["redis"]!["type"]);
        Assert.True((bool?)resources["redis"]!["inputs"]!["value"]!["secret"]);
        foreach (var service in new[] { "cart-api", "events-worker" })
        {
            Assert.Equal("{redis.connectionString}", Env(service, "ConnectionStrings__redis"));
        }

        // One cart-api (the deployment scales it), found by the gateway and by cart-api's checkout through service discovery.
        Assert.Equal("project.v0", (string?)resources["cart-api"]!["type"]);
        Assert.Equal("{cart-api.bindings.http.url}", Env("gateway", "services__cart-api__http__0"));
        Assert.Equal("{payments-api.bindings.http.url}", Env("cart-api", "services__payments-api__http__0"));

        // The canary runs in production too: a shopper that finds the gateway through service discovery, every minute.
        Assert.Equal("project.v0", (string?)resources["canary"]!["type"]);
        Assert.Equal("{gateway.bindings.http.url}", Env("canary", "services__gateway__http__0"));
        Assert.Equal("00:01:00", Env("canary", "Canary__Interval"));

        // Bearer tokens from the real issuer (Cognito): its authority and app client, never the development key or audience.
        foreach (var service in new[] { "gateway", "cart-api", "payments-api" })
        {
            Assert.Equal("{identity-authority.value}", Env(service, "Authentication__Schemes__Bearer__Authority"));
            Assert.Equal("{identity-client-id.value}", Env(service, "Authentication__Schemes__Bearer__ValidClientIds__0"));
        }

        Assert.DoesNotContain("SigningKeys", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ValidAudiences", text, StringComparison.Ordinal);

        // The gateway alone is external, on its port: every service listens on the deployment's container port,
        // whatever port a developer's run gives the gateway (this run's is a random one).
        var gateway = resources["gateway"]!["bindings"]!["http"]!;
        Assert.True((bool?)gateway["external"]);
        Assert.All(resources.Where(r => (string?)r.Value!["type"] == "project.v0"),
            r => Assert.Equal(8080, (int?)r.Value!["bindings"]!["http"]!["targetPort"]));
        Assert.All(resources.Where(r => r.Key != "gateway" && r.Value!["bindings"] is not null),
            r => Assert.Null(r.Value!["bindings"]!["http"]!["external"]));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(manifest.OutputPath)!, (string)resources["cart-api"]!["path"]!)));
    }

    /// <summary>
    /// The manifest against the committed <c>aspire-manifest.golden.json</c>, so any change to what production is told
    /// shows in review. <c>MANIFEST_UPDATE=1 dotnet test tests/IntegrationTests --filter ManifestPublishingTests</c>
    /// rewrites the file.
    /// </summary>
    [Fact]
    public async Task The_published_manifest_matches_the_golden_file()
    {
        var actual = manifest.Normalized();
        if (Environment.GetEnvironmentVariable("MANIFEST_UPDATE") == "1")
        {
            await File.WriteAllTextAsync(GoldenFile, actual);
        }

        Assert.True(File.Exists(GoldenFile), $"{GoldenFile} is missing: run the test with MANIFEST_UPDATE=1 to write it.");
        var expected = (await File.ReadAllTextAsync(GoldenFile)).ReplaceLineEndings("\n");
        Assert.True(expected == actual, $"The manifest differs from {GoldenFile} (MANIFEST_UPDATE=1 accepts it):{Environment.NewLine}{FirstDifference(expected, actual)}");
    }

    private string? Env(string resource, string variable) => (string?)manifest.Json["resources"]![resource]!["env"]![variable];

    // The first differing line of each, with its number, so the failure says what changed.
    private static string FirstDifference(string expected, string actual)
    {
        var (golden, published) = (expected.Split('\n'), actual.Split('\n'));
        for (var i = 0; i < Math.Max(golden.Length, published.Length); i++)
        {
            var (g, p) = (i < golden.Length ? golden[i] : "<end>", i < published.Length ? published[i] : "<end>");
            if (g != p)
            {
                return $"line {i + 1}:{Environment.NewLine}  golden:    {g}{Environment.NewLine}  published: {p}";
            }
        }

        return "(line ends only)";
    }
}
