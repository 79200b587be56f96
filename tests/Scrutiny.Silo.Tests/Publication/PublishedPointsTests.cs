using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Hosting;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Tests.People;

namespace Scrutiny.Silo.Tests.Publication;

/// <summary>
/// A node's copy of published points and latest values: read once, kept until a change names the indicator, the feed is restored or the
/// date moves; a failed read is not kept.
/// </summary>
public sealed class PublishedPointsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    private sealed class CountingReads
    {
        public int Count;
        public double Value = 1;

        public Task<SeriesPoint?> ReadAsync()
        {
            Interlocked.Increment(ref Count);
            return Task.FromResult<SeriesPoint?>(new SeriesPoint("2026-07", Value, null, Value, []));
        }
    }

    [Fact]
    public async Task A_point_is_read_once_and_kept_until_a_change_names_its_indicator()
    {
        var points = new PublishedPoints(new ManualTime(Noon));
        var reads = new CountingReads();

        Assert.Equal(1, (await points.GetAsync("E08000003", "smoking", "2026-07", reads.ReadAsync))!.Value);
        reads.Value = 2;
        Assert.Equal(1, (await points.GetAsync("E08000003", "smoking", "2026-07", reads.ReadAsync))!.Value);
        Assert.Equal(1, reads.Count);

        // Another indicator's change leaves it; its own (a return, a publication, a catalogue edit) drops it.
        points.Forget(Changed(ChangeKinds.Indicator, "obesity"));
        Assert.Equal(1, (await points.GetAsync("E08000003", "smoking", "2026-07", reads.ReadAsync))!.Value);
        points.Forget(Changed(ActiveIndicatorGrains.CatalogueChangedKind, "smoking"));
        Assert.Equal(2, (await points.GetAsync("E08000003", "smoking", "2026-07", reads.ReadAsync))!.Value);
        Assert.Equal(2, reads.Count);
    }

    [Fact]
    public async Task Every_place_and_period_is_kept_apart()
    {
        var points = new PublishedPoints(new ManualTime(Noon));
        var reads = new CountingReads();

        await points.GetAsync("E08000003", "smoking", "2026-07", reads.ReadAsync);
        await points.GetAsync("E08000009", "smoking", "2026-07", reads.ReadAsync);
        await points.GetAsync("E08000003", "smoking", "2026-08", reads.ReadAsync);
        await points.GetAsync("E08000003", "smoking", "2026-07", reads.ReadAsync);

        Assert.Equal(3, reads.Count);
    }

    [Fact]
    public async Task The_copy_starts_again_when_the_date_moves_or_the_feed_is_restored()
    {
        var clock = new ManualTime(Noon);
        var points = new PublishedPoints(clock);
        var reads = new CountingReads();

        await points.GetAsync("E08000003", "smoking", "2026-07", reads.ReadAsync);
        clock.Now = Noon.AddHours(11).AddMinutes(59);
        await points.GetAsync("E08000003", "smoking", "2026-07", reads.ReadAsync);
        Assert.Equal(1, reads.Count);

        // Midnight UTC: a days-after rule may have published a period.
        clock.Now = Noon.AddHours(12);
        await points.GetAsync("E08000003", "smoking", "2026-07", reads.ReadAsync);
        Assert.Equal(2, reads.Count);

        points.Clear();
        await points.GetAsync("E08000003", "smoking", "2026-07", reads.ReadAsync);
        Assert.Equal(3, reads.Count);
    }

    [Fact]
    public async Task A_read_that_fails_is_not_kept()
    {
        var points = new PublishedPoints(new ManualTime(Noon));
        var reads = new CountingReads();

        await Assert.ThrowsAsync<TimeoutException>(() =>
            points.GetAsync("E08000003", "smoking", "2026-07", () => Task.FromException<SeriesPoint?>(new TimeoutException())));

        Assert.Equal(1, (await points.GetAsync("E08000003", "smoking", "2026-07", reads.ReadAsync))!.Value);
        Assert.Equal(1, reads.Count);
    }

    [Fact]
    public async Task A_latest_value_is_kept_by_place_apart_from_the_points_and_dropped_with_them()
    {
        var points = new PublishedPoints(new ManualTime(Noon));
        var reads = new CountingReads();
        var latestReads = 0;
        Task<IndicatorLatest?> ReadLatestAsync(string period)
        {
            Interlocked.Increment(ref latestReads);
            return Task.FromResult<IndicatorLatest?>(new IndicatorLatest("smoking", period, 1, 1, null, Noon));
        }

        Assert.Equal("2026-07", (await points.GetLatestAsync("E08000003", "smoking", () => ReadLatestAsync("2026-07")))!.Period);
        Assert.Equal("2026-07", (await points.GetLatestAsync("E08000003", "smoking", () => ReadLatestAsync("2026-08")))!.Period);
        Assert.Equal("2026-08", (await points.GetLatestAsync("E08000009", "smoking", () => ReadLatestAsync("2026-08")))!.Period);
        await points.GetAsync("E08000003", "smoking", "2026-07", reads.ReadAsync);
        Assert.Equal((2, 1), (latestReads, reads.Count));

        points.Forget(Changed(ChangeKinds.Indicator, "smoking"));
        Assert.Equal("2026-08", (await points.GetLatestAsync("E08000003", "smoking", () => ReadLatestAsync("2026-08")))!.Period);
        await points.GetAsync("E08000003", "smoking", "2026-07", reads.ReadAsync);
        Assert.Equal((3, 2), (latestReads, reads.Count));
    }

    private static Change Changed(string kind, string indicator) =>
        new(kind, new Dictionary<string, string> { [ChangeKeys.Indicator] = indicator }, [], null, null, Noon);
}
