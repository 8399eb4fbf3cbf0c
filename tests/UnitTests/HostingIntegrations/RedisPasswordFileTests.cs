using HostingIntegrations.Redis;

namespace UnitTests.HostingIntegrations;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes and process ids
public class RedisPasswordFileTests
{
    [Fact]
    public async Task The_password_is_written_quoted_for_redis_conf_and_readable_by_its_owner_alone()
    {
        var path = await RedisPasswordFile.WriteAsync($"test-{Guid.NewGuid():N}", "p\"a\\ss w0rd", CancellationToken.None);
        try
        {
            Assert.Equal("requirepass \"p\\\"a\\\\ss w0rd\"", (await File.ReadAllTextAsync(path)).TrimEnd());
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AppHosts_sharing_a_process_each_get_a_file_with_their_own_password()
    {
        var name = $"test-{Guid.NewGuid():N}";
        var first = await RedisPasswordFile.WriteAsync(name, "first", CancellationToken.None);
        var second = await RedisPasswordFile.WriteAsync(name, "second", CancellationToken.None);
        try
        {
            Assert.NotEqual(first, second);
            Assert.Equal("requirepass \"first\"", (await File.ReadAllTextAsync(first)).TrimEnd());
            Assert.Equal("requirepass \"second\"", (await File.ReadAllTextAsync(second)).TrimEnd());
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Fact]
    public async Task A_file_left_by_an_apphost_that_no_longer_runs_is_deleted_by_the_next_one()
    {
        var own = await RedisPasswordFile.WriteAsync($"test-{Guid.NewGuid():N}", "pw", CancellationToken.None);
        var stale = Path.Combine(Path.GetDirectoryName(own)!, $"{int.MaxValue - 7}-redis.conf"); // no such process
        await File.WriteAllTextAsync(stale, "requirepass \"old\"");
        try
        {
            var next = await RedisPasswordFile.WriteAsync($"test-{Guid.NewGuid():N}", "pw", CancellationToken.None);
            File.Delete(next);

            Assert.False(File.Exists(stale));
            Assert.True(File.Exists(own));
        }
        finally
        {
            File.Delete(own);
            File.Delete(stale);
        }
    }
}
