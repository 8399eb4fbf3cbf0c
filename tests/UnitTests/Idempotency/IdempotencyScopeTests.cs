using Idempotency;

namespace UnitTests.Idempotency;

public class IdempotencyScopeTests
{
    [Theory]
    [InlineData("alice", "x#k1", "alice#x", "k1")]
    [InlineData("u-alice", "1:x", "u-alice#1:x", "k")]
    [InlineData("5:a", "b", "5", "a#b")]
    [InlineData("", "a#b", "a", "b")]
    public void No_caller_and_key_can_be_chosen_to_spell_another_pair(string caller, string key, string otherCaller, string otherKey) =>
        Assert.NotEqual(IdempotencyScope.CallerKey(caller, Key(key)), IdempotencyScope.CallerKey(otherCaller, Key(otherKey)));

    [Fact]
    public void The_caller_is_length_prefixed_and_readable() =>
        Assert.Equal("7:alice#x#k1", IdempotencyScope.CallerKey("alice#x", Key("k1")));

    private static IdempotencyKey Key(string value) =>
        IdempotencyKey.TryParse(value, out var key, out _) ? key : throw new ArgumentException(value);
}
