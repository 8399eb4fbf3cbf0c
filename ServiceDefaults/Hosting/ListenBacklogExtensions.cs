using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace ServiceDefaults.Hosting;

/// <summary>Room in the kernel's accept queue for a burst of new connections.</summary>
public static class ListenBacklogExtensions
{
    /// <summary>Configuration key of the listen backlog (connections the kernel holds until Kestrel accepts them).</summary>
    public const string ConfigurationKey = "Kestrel:ListenBacklog";

    /// <summary>Linux's default <c>net.core.somaxconn</c> since 5.4; the kernel caps any larger value at it.</summary>
    public const int DefaultBacklog = 4096;

    /// <summary>
    /// Kestrel listens with a backlog of 512. When more connections than that arrive before the accept loop catches up
    /// (a flash crowd, or a proxy opening connections because every pooled one is busy), the kernel drops the SYNs and
    /// clients retry after 1 s, 3 s and 7 s: a burst of a few hundred milliseconds becomes seconds of latency and
    /// timeouts. A backlog as deep as the kernel allows absorbs the burst instead.
    /// </summary>
    public static TBuilder AddListenBacklog<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var backlog = builder.Configuration.GetValue(ConfigurationKey, DefaultBacklog);
        ArgumentOutOfRangeException.ThrowIfLessThan(backlog, 1, ConfigurationKey);
        builder.Services.Configure<SocketTransportOptions>(options => options.Backlog = backlog);
        return builder;
    }
}
