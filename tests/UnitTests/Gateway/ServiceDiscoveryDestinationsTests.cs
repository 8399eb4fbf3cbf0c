using Gateway.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;
using Xunit;

namespace UnitTests.Gateway;

/// <summary>How the gateway turns a cluster's service name into destinations (Microsoft.Extensions.ServiceDiscovery.Yarp).</summary>
public class ServiceDiscoveryDestinationsTests
{
    private static readonly Dictionary<string, string?> TwoReplicas = new()
    {
        ["services:cart-api:http:0"] = "http://127.0.0.1:5001",
        ["services:cart-api:http:1"] = "http://127.0.0.1:5002",
    };

    [Fact]
    public async Task Each_replica_is_a_destination_of_its_own()
    {
        var resolved = await ResolveAsync(new DestinationConfig { Address = "http://cart-api" });

        Assert.Equal(["http://127.0.0.1:5001/", "http://127.0.0.1:5002/"], resolved.Select(d => d.Address).Order());
    }

    [Fact]
    public async Task A_request_carries_the_replicas_address_as_its_host_unless_the_destination_names_one()
    {
        var unnamed = await ResolveAsync(new DestinationConfig { Address = "http://cart-api" });
        var named = await ResolveAsync(new DestinationConfig { Address = "http://cart-api", Host = "cart-api" });

        Assert.All(unnamed, destination => Assert.Null(destination.Host));
        Assert.All(named, destination => Assert.Equal("cart-api", destination.Host));
    }

    private static async Task<IReadOnlyList<DestinationConfig>> ResolveAsync(DestinationConfig configured)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(TwoReplicas);
        builder.AddServiceDefaults();
        builder.AddApplicationServices();
        await using var services = builder.Services.BuildServiceProvider();

        var resolved = await services.GetRequiredService<IDestinationResolver>()
            .ResolveDestinationsAsync(new Dictionary<string, DestinationConfig> { ["cart-api"] = configured }, CancellationToken.None);
        return [.. resolved.Destinations.Values];
    }
}
