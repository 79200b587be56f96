namespace Scrutiny.Grains.Storage;

public static class RecordedWrites
{
    /// <summary>
    /// Writes the state and <paramref name="appends"/> in one transaction. If the write fails (the store went away, or
    /// an <see cref="Orleans.Storage.InconsistentStateException"/>: someone else wrote first), the activation is let go
    /// so that the next call starts again from what the store holds, never from the half-changed state in memory.
    /// </summary>
    public static async Task WriteWithAsync<TState>(this IPersistentState<TState> state, IGrainBase grain, IEnumerable<IAppendRecord>? appends = null)
        where TState : RecordedState
    {
        state.State.Appending.Clear();
        if (appends is not null) state.State.Appending.AddRange(appends);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
        finally
        {
            state.State.Appending.Clear();
        }
    }
}
