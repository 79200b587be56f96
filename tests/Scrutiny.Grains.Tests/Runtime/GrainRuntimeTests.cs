using Scrutiny.Grains.Runtime;

namespace Scrutiny.Grains.Tests.Runtime;

public sealed class GrainRuntimeTests : IAsyncDisposable
{
    private readonly InMemoryGrainStateStore _store = new();
    private readonly ChangeFeed _feed = new();
    private readonly ManualTimeProvider _time = new();
    private readonly List<GrainRuntime> _runtimes = [];

    private GrainRuntime NewNode()
    {
        var runtime = new GrainRuntime(new TestActivator(), _store, _feed,
            new GrainRuntimeOptions { IdleTimeout = TimeSpan.FromMinutes(5) }, _time);
        _runtimes.Add(runtime);
        return runtime;
    }

    [Fact]
    public async Task Concurrent_calls_to_one_grain_never_interleave()
    {
        var grain = NewNode().Get<ITurnProbeGrain>("one");

        var maxima = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(grain.EnterAsync)));

        Assert.Equal(1, maxima.Max());
    }

    [Fact]
    public async Task Calls_to_different_grains_run_side_by_side()
    {
        var node = NewNode();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => node.Get<ITurnProbeGrain>($"g{i}").EnterAsync()));

        Assert.Equal(20, node.ActivationCount);
    }

    [Fact]
    public async Task One_activation_per_grain_type_and_key_on_a_node()
    {
        var node = NewNode();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => node.Get<ICounterGrain>("same").IncrementAsync())));

        Assert.Equal(1, node.ActivationCount);
        Assert.Equal(50, await node.Get<ICounterGrain>("same").GetAsync());
    }

    [Fact]
    public async Task Two_nodes_over_one_store_never_lose_an_update()
    {
        var (a, b) = (NewNode(), NewNode());
        const int n = 300;
        // Both nodes load version 0 first, so whichever writes second must lose a race and retry.
        await a.Get<ICounterGrain>("shared").GetAsync();
        await b.Get<ICounterGrain>("shared").GetAsync();

        await Task.WhenAll(Enumerable.Range(0, n).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).Get<ICounterGrain>("shared").IncrementAsync())));

        Assert.True(_store.Conflicts > 0, "the nodes never raced, so the test proved nothing");
        var fresh = NewNode();
        Assert.Equal(n, await fresh.Get<ICounterGrain>("shared").GetAsync());
    }

    [Fact]
    public async Task A_deactivated_grain_comes_back_with_its_state()
    {
        var node = NewNode();
        await node.Get<ICounterGrain>("c").IncrementAsync();
        await node.Get<ICounterGrain>("c").IncrementAsync();

        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, await node.CollectIdleActivationsAsync());
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await node.CollectIdleActivationsAsync());
        Assert.Equal(0, node.ActivationCount);

        Assert.Equal(2, await node.Get<ICounterGrain>("c").GetAsync());
        Assert.Equal(1, node.ActivationCount);
    }

    [Fact]
    public async Task A_failed_call_leaves_no_half_made_state_behind()
    {
        var grain = NewNode().Get<ICounterGrain>("f");
        await grain.IncrementAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(grain.FailAfterChangingStateAsync);

        Assert.Equal(1, await grain.GetAsync());
    }

    [Fact]
    public async Task Observers_hear_of_changes_in_order_and_stop_when_unsubscribed()
    {
        var heard = new List<double?>();
        var observer = new RecordingObserver(heard);
        var subscription = _feed.Subscribe(observer);
        var grain = NewNode().Get<ICounterGrain>("o");

        for (var i = 0; i < 5; i++) await grain.IncrementAsync();
        await observer.WaitForAsync(5);
        subscription.Dispose();
        await grain.IncrementAsync();
        await Task.Delay(50);

        Assert.Equal([1, 2, 3, 4, 5], heard);
    }

    [Fact]
    public void State_is_stored_under_a_name_made_from_the_interface() =>
        Assert.Equal("partnership-board", GrainRuntime.GrainTypeName(typeof(Contracts.IPartnershipBoardGrain)));

    public async ValueTask DisposeAsync()
    {
        foreach (var runtime in _runtimes) await runtime.DisposeAsync();
        await _feed.DisposeAsync();
    }

    private sealed class RecordingObserver(List<double?> heard) : IChangeObserver
    {
        private readonly SemaphoreSlim _signal = new(0);

        public ValueTask OnChangedAsync(Change change, CancellationToken cancellationToken)
        {
            lock (heard) heard.Add(change.Value);
            _signal.Release();
            return ValueTask.CompletedTask;
        }

        public async Task WaitForAsync(int count)
        {
            for (var i = 0; i < count; i++)
                Assert.True(await _signal.WaitAsync(TimeSpan.FromSeconds(10)), "a change never arrived");
        }
    }
}
