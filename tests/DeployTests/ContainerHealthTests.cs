using System.Text.RegularExpressions;
using Deploy;
using Microsoft.Extensions.Hosting;

namespace DeployTests;

/// <summary>
/// Every service's container carries an ECS health check that runs the image's own probe against ServiceDefaults'
/// liveness endpoint, so ECS replaces a task whose process stops answering and a deployment waits for healthy tasks.
/// </summary>
public class ContainerHealthTests(SynthesizedStack stack) : IClassFixture<SynthesizedStack>
{
    private static readonly string[] ServiceNames = ["gateway", "cart-api", "payments-api", "events-worker", "canary"];

    [Fact]
    public void Every_service_s_container_probes_its_own_liveness_endpoint_with_the_image_s_probe()
    {
        foreach (var service in ServiceNames)
        {
            var container = MainContainer(service);
            var check = container["HealthCheck"]?.AsObject();
            Assert.True(check is not null, $"{service} has no container health check");

            // /alive (live checks only), not /health: a dependency outage must not cycle tasks (deploy/ContainerHealth.cs).
            Assert.Equal(
                ["CMD", "dotnet", "/probe/HealthProbe.dll", $"http://localhost:{ServiceSpec.ContainerPort}{ServiceDefaultsExtensions.AlivenessEndpointPath}"],
                check["Command"]!.AsArray().Select(part => (string?)part));
            // The probe's port is the one the service listens on in production (the worker too: it is a web host).
            Assert.Equal(ServiceSpec.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture), EnvironmentOf(container)["ASPNETCORE_HTTP_PORTS"]);
        }
    }

    [Fact]
    public void A_task_is_replaced_after_three_failed_checks_in_a_row_and_not_during_its_first_minute()
    {
        foreach (var service in ServiceNames)
        {
            var check = MainContainer(service)["HealthCheck"]!;

            Assert.Equal(15, (int)check["Interval"]!);
            Assert.Equal(5, (int)check["Timeout"]!); // above the probe's own 3 s, so a slow answer is a failure, not a kill
            Assert.Equal(3, (int)check["Retries"]!);
            Assert.Equal(60, (int)check["StartPeriod"]!);
        }
    }

    [Fact]
    public void Every_image_publishes_the_probe_where_the_health_check_runs_it()
    {
        var probeDll = (string)MainContainer("cart-api")["HealthCheck"]!["Command"]![2]!;
        var images = stack.ImageAssets();
        Assert.Equal(ServiceNames.Length, images.Count);

        foreach (var image in images)
        {
            // The staged build context holds the probe's project (.dockerignore keeps it), and the Dockerfile publishes it
            // in the build stage and copies that output into the runtime stage at the folder the command names.
            Assert.True(File.Exists(Path.Combine(image.Context, "HealthProbe", "HealthProbe.csproj")), $"{image.Project}: HealthProbe is not in the build context");
            var dockerfile = File.ReadAllText(Path.Combine(image.Context, image.Dockerfile));
            var runtimeStage = dockerfile[dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];
            var published = Regex.Match(dockerfile, @"^RUN dotnet publish HealthProbe/HealthProbe\.csproj .*-o (\S+)", RegexOptions.Multiline);
            Assert.True(published.Success, $"{image.Project}: the Dockerfile does not publish HealthProbe");
            var copied = Regex.Match(runtimeStage, $@"^COPY --from=build {Regex.Escape(published.Groups[1].Value)} (\S+)$", RegexOptions.Multiline);
            Assert.True(copied.Success, $"{image.Project}: the runtime stage does not copy the published probe");
            Assert.Equal(probeDll, $"{copied.Groups[1].Value.TrimEnd('/')}/HealthProbe.dll");
        }
    }

    private JsonObject MainContainer(string service) => stack.TaskDefinition(service)["ContainerDefinitions"]!.AsArray()
        .Single(container => (string?)container!["Name"] == service)!.AsObject();

    private static Dictionary<string, string?> EnvironmentOf(JsonObject container) => container["Environment"]!.AsArray()
        .ToDictionary(variable => (string)variable!["Name"]!, variable => (string?)variable!["Value"], StringComparer.Ordinal);
}
