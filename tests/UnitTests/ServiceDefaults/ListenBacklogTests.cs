using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServiceDefaults.Hosting;
using Xunit;

namespace UnitTests.ServiceDefaults;

public class ListenBacklogTests
{
    [Fact]
    public void Kestrel_listens_with_the_kernels_default_maximum_backlog_instead_of_512()
    {
        Assert.Equal(ListenBacklogExtensions.DefaultBacklog, BacklogWith([]));
        Assert.Equal(4096, ListenBacklogExtensions.DefaultBacklog);
    }

    [Fact]
    public void The_backlog_is_configurable() =>
        Assert.Equal(1024, BacklogWith(new() { [ListenBacklogExtensions.ConfigurationKey] = "1024" }));

    private static int BacklogWith(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddListenBacklog();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.Backlog;
    }
}
