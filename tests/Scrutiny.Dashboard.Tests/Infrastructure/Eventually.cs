using System.Diagnostics;

namespace Scrutiny.Dashboard.Tests.Infrastructure;

/// <summary>Waits for something the node does in the background (a recovery, a change reaching it), checking every 200 ms.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string? failure = null, int seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(seconds), failure ?? $"not so within {seconds} s");
            await Task.Delay(200);
        }
    }
}
