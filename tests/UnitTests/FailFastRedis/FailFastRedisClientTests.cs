using FailFastRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;
using StackExchange.Redis;
using Xunit;

namespace UnitTests.FailFastRedis;

public class FailFastRedisClientTests
{
    [Fact]
    public void A_plain_connection_string_gets_short_timeouts_and_no_backlog()
    {
        var options = OptionsFor("127.0.0.1:6379");

        Assert.False(options.AbortOnConnectFail);
        Assert.Equal(2000, options.ConnectTimeout);
        Assert.Equal(2, options.ConnectRetry);
        Assert.Equal(1000, options.SyncTimeout);
        Assert.Equal(1000, options.AsyncTimeout);
        Assert.Same(BacklogPolicy.FailFast, options.BacklogPolicy);
    }

    [Fact]
    public void What_the_connection_string_sets_wins_over_the_defaults()
    {
        var options = OptionsFor("127.0.0.1:6379,syncTimeout=5000,asyncTimeout=3000,connectRetry=4");

        Assert.Equal(5000, options.SyncTimeout);
        Assert.Equal(3000, options.AsyncTimeout);
        Assert.Equal(4, options.ConnectRetry);
        Assert.Equal(2000, options.ConnectTimeout);
    }

    [Fact]
    public async Task A_missing_connection_string_stops_the_start_up()
    {
        using var host = HostWith(connectionString: null);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ConnectionStrings__redis", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Redis_commands_are_traced_only_when_telemetry_is_exported()
    {
        using var silent = HostWith("127.0.0.1:6379");
        using var exporting = HostWith("127.0.0.1:6379", otlpEndpoint: "http://127.0.0.1:4317");

        Assert.Null(silent.Services.GetService<TracerProvider>());
        Assert.NotNull(exporting.Services.GetService<TracerProvider>());
    }

    private static ConfigurationOptions OptionsFor(string connectionString)
    {
        using var host = HostWith(connectionString);
        return host.Services.GetRequiredService<IOptions<ConfigurationOptions>>().Value;
    }

    private static IHost HostWith(string? connectionString, string? otlpEndpoint = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = connectionString,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint,
        });
        builder.AddFailFastRedisClient("redis");
        return builder.Build();
    }
}
