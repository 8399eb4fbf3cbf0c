using Aspire.Hosting.ApplicationModel;
using HostingIntegrations.Redis;

namespace UnitTests.HostingIntegrations;

/// <summary>The password files of one AppHost: which of them go when.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes and process ids
public class RedisPasswordFilesTests
{
    [Fact]
    public async Task A_new_start_of_a_resource_deletes_the_file_of_its_previous_start_and_no_other()
    {
        using var files = new RedisPasswordFiles();
        var redis = Redis();
        var other = Redis();
        var first = await files.WriteAsync(redis, "pw", CancellationToken.None);
        var others = await files.WriteAsync(other, "pw", CancellationToken.None);

        var second = await files.WriteAsync(redis, "pw", CancellationToken.None);

        Assert.False(File.Exists(first));
        Assert.True(File.Exists(second));
        Assert.True(File.Exists(others));
    }

    [Fact]
    public async Task Only_a_file_of_this_apphost_is_deleted_when_asked()
    {
        using var files = new RedisPasswordFiles();
        using var anotherAppHost = new RedisPasswordFiles(); // Aspire.Hosting.Testing runs several in one process
        var ours = await files.WriteAsync(Redis(), "pw", CancellationToken.None);
        var theirs = await anotherAppHost.WriteAsync(Redis(), "pw", CancellationToken.None);

        files.Delete(theirs);
        files.Delete(ours);

        Assert.True(File.Exists(theirs));
        Assert.False(File.Exists(ours));
    }

    [Fact]
    public async Task The_files_left_when_the_apphost_stops_are_deleted_and_those_of_another_apphost_are_not()
    {
        using var anotherAppHost = new RedisPasswordFiles();
        var theirs = await anotherAppHost.WriteAsync(Redis(), "pw", CancellationToken.None);
        var files = new RedisPasswordFiles();
        var ours = new[] { await files.WriteAsync(Redis(), "pw", CancellationToken.None), await files.WriteAsync(Redis(), "pw", CancellationToken.None) };

        files.Dispose();

        Assert.All(ours, path => Assert.False(File.Exists(path)));
        Assert.True(File.Exists(theirs));
    }

    private static RedisServerResource Redis()
    {
        var name = $"test-{Guid.NewGuid():N}";
        return new RedisServerResource(name, Path.GetTempPath(), new ParameterResource($"{name}-password", _ => "pw", secret: true));
    }
}
