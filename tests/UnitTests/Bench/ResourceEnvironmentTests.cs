using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Bench;
using HostingIntegrations.Replicas;
using Microsoft.Extensions.Logging.Abstractions;

namespace UnitTests.Bench;

public class ResourceEnvironmentTests
{
    [Fact]
    public void Each_env_option_names_a_resource_a_variable_and_its_value()
    {
        string[] args = ["read", "--env", "gateway:OTEL_TRACES_SAMPLER=parentbased_traceidratio", "--profile", "--env", "dynamodb:JAVA_TOOL_OPTIONS=-Da=b -Dc:d"];

        Assert.Equal(
            [new ResourceEnvironment("gateway", "OTEL_TRACES_SAMPLER", "parentbased_traceidratio"), new ResourceEnvironment("dynamodb", "JAVA_TOOL_OPTIONS", "-Da=b -Dc:d")],
            ResourceEnvironment.FromArguments(args));
    }

    [Theory]
    [InlineData("OTEL_TRACES_SAMPLER=always_off")] // no resource
    [InlineData("gateway:OTEL_TRACES_SAMPLER")] // no value
    [InlineData("gateway:=always_off")] // no name
    [InlineData(":OTEL_TRACES_SAMPLER=always_off")]
    public void A_malformed_env_option_is_refused(string value)
    {
        Assert.Throws<ArgumentException>(() => ResourceEnvironment.FromArguments(["--env", value]));
    }

    [Fact]
    public void An_env_option_without_its_value_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ResourceEnvironment.FromArguments(["read", "--env"]));
    }

    [Fact]
    public async Task The_variable_replaces_what_the_app_host_set_and_a_replica_set_means_every_replica()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { AssemblyName = typeof(ResourceEnvironmentTests).Assembly.GetName().Name, DisableDashboard = true });
        var gateway = builder.AddExecutable("gateway", "gateway", ".").WithEnvironment("OTEL_TRACES_SAMPLER", "always_on");
        var replicas = builder.AddReplicaSet("cart-api", 2, name => builder.AddExecutable(name, "cart-api", ".").WithEnvironment("OTEL_TRACES_SAMPLER", "always_on"));

        ResourceEnvironment.Apply(builder.Resources, [
            new ResourceEnvironment("gateway", "OTEL_TRACES_SAMPLER", "always_off"),
            new ResourceEnvironment("cart-api", "OTEL_TRACES_SAMPLER", "parentbased_traceidratio"),
            new ResourceEnvironment("cart-api-1", "OTEL_TRACES_SAMPLER_ARG", "0.1"),
        ]);

        Assert.Equal("always_off", (await EnvironmentOf(gateway.Resource))["OTEL_TRACES_SAMPLER"]);
        var first = await EnvironmentOf(replicas.Resource.Replicas[0].Resource);
        var second = await EnvironmentOf(replicas.Resource.Replicas[1].Resource);
        Assert.Equal("parentbased_traceidratio", first["OTEL_TRACES_SAMPLER"]);
        Assert.Equal("parentbased_traceidratio", second["OTEL_TRACES_SAMPLER"]);
        Assert.False(first.ContainsKey("OTEL_TRACES_SAMPLER_ARG"));
        Assert.Equal("0.1", second["OTEL_TRACES_SAMPLER_ARG"]);
    }

    [Fact]
    public void A_resource_the_platform_does_not_have_is_refused_by_name()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { AssemblyName = typeof(ResourceEnvironmentTests).Assembly.GetName().Name, DisableDashboard = true });
        builder.AddExecutable("gateway", "gateway", ".");

        var refused = Assert.Throws<ArgumentException>(() => ResourceEnvironment.Apply(builder.Resources, [new ResourceEnvironment("gatewy", "A", "1")]));
        Assert.Contains("'gatewy'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("gateway", refused.Message.Replace("'gatewy'", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>The resource's environment as the orchestrator resolves it at launch (Aspire's own resolver).</summary>
    private static async Task<Dictionary<string, string>> EnvironmentOf(IResource resource)
    {
        var resolved = await ExecutionConfigurationBuilder.Create(resource).WithEnvironmentVariablesConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), NullLogger.Instance, CancellationToken.None);
        return resolved.EnvironmentVariables.ToDictionary(v => v.Key, v => v.Value);
    }
}
