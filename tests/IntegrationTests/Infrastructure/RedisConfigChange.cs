using StackExchange.Redis;

namespace IntegrationTests.Infrastructure;

/// <summary>
/// Redis settings changed for a test (<c>CONFIG SET</c>, in the order given) and put back as they were, in reverse
/// order, when disposed — also when the test fails, so the next test of the collection meets Redis as configured.
/// </summary>
public sealed class RedisConfigChange : IAsyncDisposable
{
    private readonly IServer _server;
    private readonly Stack<(string Name, string Value)> _previous = new();

    private RedisConfigChange(IServer server) => _server = server;

    public static async Task<RedisConfigChange> ApplyAsync(IServer server, params (string Name, string Value)[] settings)
    {
        var change = new RedisConfigChange(server);
        try
        {
            foreach (var (name, value) in settings)
            {
                change._previous.Push((name, (await server.ConfigGetAsync(name)).Single().Value));
                await server.ConfigSetAsync(name, value);
            }
        }
        catch
        {
            await change.DisposeAsync();
            throw;
        }

        return change;
    }

    public async ValueTask DisposeAsync()
    {
        while (_previous.TryPop(out var setting))
        {
            await _server.ConfigSetAsync(setting.Name, setting.Value);
        }
    }
}
