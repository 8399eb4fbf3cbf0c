using Aspire.Hosting.ApplicationModel;
using HostingIntegrations.DynamoDBLocal;
using HostingIntegrations.Replicas;

namespace IntegrationTests.AppHost;

/// <summary>The AppHost's own model (its Program.cs run up to Build(), nothing started).</summary>
public sealed class AppHostModelTests
{
    [Theory]
    [InlineData(new string[0], new[] { "cart-api-0", "cart-api-1" })]
    [InlineData(new[] { "--CartApi:Replicas=3" }, new[] { "cart-api-0", "cart-api-1", "cart-api-2" })]
    public async Task Cart_api_runs_two_replicas_unless_configured(string[] args, string[] replicas)
    {
        await using var builder = await PlatformBuilder.CreateAsync(args);

        var set = builder.Resources.OfType<ReplicaSetResource>().Single(r => r.Name == "cart-api");
        Assert.Equal(replicas, set.Replicas.Select(r => r.Resource.Name));
        Assert.All(set.Replicas, r => Assert.Contains(r.Resource, builder.Resources));
    }

    [Fact]
    public async Task DynamoDB_Local_keeps_its_tables_in_memory_unless_given_a_data_directory()
    {
        await using var inMemory = await PlatformBuilder.CreateAsync();
        await using var kept = await PlatformBuilder.CreateAsync(["--DynamoDBLocal:DataDirectory=.data/dynamodb"]);

        Assert.Null(inMemory.Resources.OfType<DynamoDBLocalResource>().Single().DataDirectory);
        Assert.EndsWith($"{Path.DirectorySeparatorChar}AppHost", kept.AppHostDirectory, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(kept.AppHostDirectory, ".data", "dynamodb"), kept.Resources.OfType<DynamoDBLocalResource>().Single().DataDirectory);
    }

    [Fact]
    public async Task The_model_declares_every_resource_of_the_system_with_kebab_case_names()
    {
        await using var builder = await PlatformBuilder.CreateAsync();

        var declared = builder.Resources.Where(r => r is not IResourceWithParent).Select(r => r.Name).Order(StringComparer.Ordinal);

        Assert.Equal(["canary", "cart-api", "cart-api-0", "cart-api-1", "dynamodb", "events-worker", "gateway", "identity", "payments-api", "redis"], declared);
    }
}
