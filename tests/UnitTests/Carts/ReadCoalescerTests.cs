using Cart.Api.Caching;
using Xunit;

namespace UnitTests.Carts;

public class ReadCoalescerTests
{
    private readonly ReadCoalescer<string> _coalescer = new();
    private readonly List<TaskCompletionSource<string>> _loads = [];

    [Fact]
    public async Task Callers_arriving_during_a_load_share_the_next_one_instead_of_each_loading()
    {
        var first = _coalescer.LoadAsync("cart", Load, default);
        await WaitForLoadsAsync(1);
        var waiting = Enumerable.Range(0, 50).Select(_ => _coalescer.LoadAsync("cart", Load, default)).ToArray();

        _loads[0].SetResult("v1");
        Assert.Equal("v1", await first);
        await WaitForLoadsAsync(2);
        Assert.All(waiting, task => Assert.False(task.IsCompleted)); // v1 began before they arrived: it may predate their writes

        _loads[1].SetResult("v2");
        Assert.All(await Task.WhenAll(waiting), value => Assert.Equal("v2", value));
        Assert.Equal(2, _loads.Count);
    }

    [Fact]
    public async Task A_caller_after_a_load_ended_starts_a_new_one()
    {
        var first = _coalescer.LoadAsync("cart", Load, default);
        await WaitForLoadsAsync(1);
        _loads[0].SetResult("v1");
        await first;

        var second = _coalescer.LoadAsync("cart", Load, default);
        await WaitForLoadsAsync(2);
        _loads[1].SetResult("v2");

        Assert.Equal("v2", await second);
    }

    [Fact]
    public async Task Different_keys_load_independently()
    {
        var a = _coalescer.LoadAsync("a", Load, default);
        var b = _coalescer.LoadAsync("b", Load, default);

        await WaitForLoadsAsync(2);
        _loads[0].SetResult("x");
        _loads[1].SetResult("y");
        Assert.Equal(["x", "y"], (await Task.WhenAll(a, b)).Order());
    }

    [Fact]
    public async Task A_failed_load_fails_its_callers_only_and_the_next_caller_loads_again()
    {
        var first = _coalescer.LoadAsync("cart", Load, default);
        await WaitForLoadsAsync(1);
        _loads[0].SetException(new TimeoutException("dynamodb"));
        await Assert.ThrowsAsync<TimeoutException>(() => first);

        var second = _coalescer.LoadAsync("cart", Load, default);
        await WaitForLoadsAsync(2);
        _loads[1].SetResult("v2");
        Assert.Equal("v2", await second);
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_load_for_the_others()
    {
        using var impatient = new CancellationTokenSource();
        var leaving = _coalescer.LoadAsync("cart", Load, impatient.Token);
        await WaitForLoadsAsync(1);
        var staying = _coalescer.LoadAsync("cart", Load, default);

        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        _loads[0].SetResult("v1");
        await WaitForLoadsAsync(2);
        _loads[1].SetResult("v2");

        Assert.Equal("v2", await staying);
    }

    private Task<string> Load(string key)
    {
        var load = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_loads)
        {
            _loads.Add(load);
        }

        return load.Task;
    }

    private async Task WaitForLoadsAsync(int count)
    {
        for (var i = 0; i < 500; i++)
        {
            lock (_loads)
            {
                if (_loads.Count >= count)
                {
                    Assert.Equal(count, _loads.Count);
                    return;
                }
            }

            await Task.Delay(10);
        }

        Assert.Fail($"expected {count} loads, saw {_loads.Count}");
    }
}
