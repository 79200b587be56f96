using Scrutiny.Silo.Security;

namespace Scrutiny.Silo.Tests.Security;

/// <summary>What a node keeps of accepted access checks: shared reads, the limits it keeps to, and evictions that win.</summary>
public sealed class AccessCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Checks_of_one_thing_made_at_once_share_one_read_and_the_answer_is_kept_for_the_lifetime_only()
    {
        var clock = new StoppedClock(Start);
        var cache = new AccessCache<string, string>(new AccessCacheOptions { LifetimeSeconds = 30 }, clock);
        var reads = 0;
        var release = new TaskCompletionSource();
        async Task<StoreAnswer<string>> ReadAsync()
        {
            Interlocked.Increment(ref reads);
            await release.Task;
            return new("holder", DateTimeOffset.MaxValue);
        }

        var checks = Enumerable.Range(0, 50).Select(_ => cache.GetAsync("hash", ReadAsync)).ToList();
        release.SetResult();
        Assert.All(await Task.WhenAll(checks), holder => Assert.Equal("holder", holder));
        Assert.Equal(1, reads);

        clock.Now = Start.AddSeconds(29);
        await cache.GetAsync("hash", ReadAsync);
        Assert.Equal(1, reads);
        clock.Now = Start.AddSeconds(30);
        await cache.GetAsync("hash", ReadAsync);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task A_refusal_is_never_kept_and_an_answer_is_never_kept_past_its_own_limit()
    {
        var clock = new StoppedClock(Start);
        var cache = new AccessCache<string, string>(new AccessCacheOptions { LifetimeSeconds = 30 }, clock);
        var reads = 0;

        for (var i = 0; i < 3; i++)
            await cache.GetAsync("refused", () => { reads++; return Task.FromResult(new StoreAnswer<string>("refused", null)); });
        Assert.Equal(3, reads);

        await cache.GetAsync("expiring", () => { reads++; return Task.FromResult(new StoreAnswer<string>("holder", Start.AddSeconds(5))); });
        clock.Now = Start.AddSeconds(4.9);
        await cache.GetAsync("expiring", () => { reads++; return Task.FromResult(new StoreAnswer<string>("holder", Start.AddSeconds(5))); });
        Assert.Equal(4, reads);
        clock.Now = Start.AddSeconds(5);
        await cache.GetAsync("expiring", () => { reads++; return Task.FromResult(new StoreAnswer<string>("expired", null)); });
        Assert.Equal(5, reads);
    }

    [Fact]
    public async Task An_answer_read_while_an_eviction_was_made_is_not_kept()
    {
        var cache = new AccessCache<string, string>(new AccessCacheOptions(), new StoppedClock(Start));
        var release = new TaskCompletionSource();
        var reads = 0;
        async Task<StoreAnswer<string>> ReadAsync()
        {
            reads++;
            await release.Task;
            return new("before the revocation", DateTimeOffset.MaxValue);
        }

        var reading = cache.GetAsync("hash", ReadAsync);
        cache.Evict((key, _) => key == "hash");
        release.SetResult();
        await reading;

        Assert.Equal(0, cache.Count);
        await cache.GetAsync("hash", () => Task.FromResult(new StoreAnswer<string>("after", DateTimeOffset.MaxValue)));
        Assert.Equal("after", await cache.GetAsync("hash", ReadAsync));
    }

    [Fact]
    public async Task No_more_than_the_most_entries_are_kept()
    {
        var cache = new AccessCache<int, string>(new AccessCacheOptions { MaxEntries = 100 }, new StoppedClock(Start));

        for (var i = 0; i < 1_000; i++) await cache.GetAsync(i, () => Task.FromResult(new StoreAnswer<string>("holder", DateTimeOffset.MaxValue)));

        Assert.Equal(100, cache.Count);
    }

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
