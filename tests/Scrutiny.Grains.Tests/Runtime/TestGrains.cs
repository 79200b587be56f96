using Scrutiny.Grains.Runtime;

namespace Scrutiny.Grains.Tests.Runtime;

public interface ICounterGrain : IGrain
{
    Task<int> IncrementAsync();
    Task<int> GetAsync();
    Task FailAfterChangingStateAsync();
}

public sealed class CounterState
{
    public int Count { get; set; }
}

public sealed class CounterGrain : Grain<CounterState>, ICounterGrain
{
    public async Task<int> IncrementAsync()
    {
        State.Count++;
        await WriteStateAsync();
        Publish(new Change("counter", new Dictionary<string, string> { ["counter"] = Key }, [$"counter:{Key}"], null, State.Count, Time.GetUtcNow()));
        return State.Count;
    }

    public Task<int> GetAsync() => Task.FromResult(State.Count);

    public Task FailAfterChangingStateAsync()
    {
        State.Count = -1000;
        throw new InvalidOperationException("failed half way");
    }
}

/// <summary>Records how many of its calls are running at once.</summary>
public interface ITurnProbeGrain : IGrain
{
    Task<int> EnterAsync();
}

public sealed class TurnProbeGrain : Grain, ITurnProbeGrain
{
    private int _running;
    private int _maxRunning;

    public async Task<int> EnterAsync()
    {
        _maxRunning = Math.Max(_maxRunning, ++_running);
        // Awaits inside a turn: another call must still not start until this one ends.
        await Task.Yield();
        await Task.Delay(1);
        _running--;
        return _maxRunning;
    }
}

public sealed class TestActivator : IGrainActivator
{
    public Grain Create(Type grainInterface) => grainInterface == typeof(ICounterGrain) ? new CounterGrain()
        : grainInterface == typeof(ITurnProbeGrain) ? new TurnProbeGrain()
        : throw new InvalidOperationException(grainInterface.Name);
}
