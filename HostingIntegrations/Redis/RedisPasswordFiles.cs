namespace HostingIntegrations.Redis;

/// <summary>
/// The password files this AppHost wrote that a redis-server may still have to read: at most one per resource, that of
/// its latest start. redis-server reads its config file once, at start (nothing here rewrites it), so a file is
/// deleted as soon as its server has read it or its start ended (<see cref="RedisPasswordFileJanitor"/>), when the
/// next start of the resource writes its own, and, whatever is left, when the AppHost stops (the container disposes
/// this). One per AppHost: those that share a process (Aspire.Hosting.Testing) never delete each other's files.
/// </summary>
internal sealed class RedisPasswordFiles : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<RedisServerResource, string> _latest = [];

    /// <summary>Writes the file of a new start of <paramref name="redis"/>, deletes that of its previous one, and returns the path.</summary>
    public async Task<string> WriteAsync(RedisServerResource redis, string password, CancellationToken cancellationToken)
    {
        var path = await RedisPasswordFile.WriteAsync(redis.Name, password, cancellationToken);
        string? previous;
        lock (_lock)
        {
            _latest.Remove(redis, out previous);
            _latest[redis] = path;
        }

        // Aspire removes the previous process before it builds the arguments of the next (a restart, a start after a
        // stop or a failed start), so nothing reads the previous file any more.
        DeleteFile(previous);
        return path;
    }

    /// <summary>Deletes <paramref name="path"/> if it is a file of this AppHost's that is still there; any other path is left alone.</summary>
    public void Delete(string path)
    {
        string? ours = null;
        lock (_lock)
        {
            if (_latest.FirstOrDefault(entry => entry.Value == path) is { Key: { } redis })
            {
                _latest.Remove(redis, out ours);
            }
        }

        DeleteFile(ours);
    }

    /// <summary>The AppHost stops: no redis-server of its will start again.</summary>
    public void Dispose()
    {
        string[] left;
        lock (_lock)
        {
            left = [.. _latest.Values];
            _latest.Clear();
        }

        foreach (var path in left)
        {
            DeleteFile(path);
        }
    }

    private static void DeleteFile(string? path)
    {
        if (path is not null)
        {
            File.Delete(path);
        }
    }
}
