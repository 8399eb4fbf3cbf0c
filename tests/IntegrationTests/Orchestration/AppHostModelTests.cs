using Orchestration.ApplicationModel;
using Orchestration.Testing;
using Xunit;

namespace IntegrationTests.Orchestration;

/// <summary>The AppHost's own model (its Program.cs run up to Build(), nothing started).</summary>
public class AppHostModelTests
{
    [Theory]
    [InlineData(new string[0], 2)]
    [InlineData(new[] { "--CartApi:Replicas=3" }, 3)]
    public async Task Cart_api_runs_two_replicas_unless_configured(string[] args, int replicas)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Program>(args);

        var cartApi = builder.Resources.Single(resource => resource.Name == "cart-api");
        Assert.Equal(replicas, cartApi.Annotations.OfType<ReplicaAnnotation>().Last().Replicas);
    }
}
