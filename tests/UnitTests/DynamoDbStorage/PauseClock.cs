using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace UnitTests.DynamoDbStorage;

/// <summary>A fake clock that also hands the test each pause as it starts, so it advances only once one is waiting.</summary>
internal sealed class PauseClock() : FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero)), IDisposable
{
    private readonly Channel<TimeSpan> _pauses = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _pauses.Writer.TryWrite(dueTime);
        return timer;
    }

    public Task<TimeSpan> NextPauseAsync() => _pauses.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

    public void Dispose() => _pauses.Writer.TryComplete();
}
