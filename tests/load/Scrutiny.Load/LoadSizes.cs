namespace Scrutiny.Load;

/// <summary>How big each scenario is: England's scale, or CI's (<c>--quick</c>, the whole run under two minutes on a loaded two-core machine).</summary>
public sealed record LoadSizes(
    int Places, int Indicators,
    int IngestPairs, int IngestAgencies, int IngestBatchesPerAgency, int IngestBatchRows, int IngestWarmUpRows, int IngestCorrectionRounds,
    int DeadlineAgencies, int DeadlineSeconds, int Watchers, int WatchedPlaces,
    int PageUsers, int PageWarmUpReads, int PageRequestsPerUser)
{
    /// <summary>England: 317 local authorities, 100 indicators; issue 16's figures for the deadline.</summary>
    public static readonly LoadSizes Full = new(
        Places: 317, Indicators: 100,
        IngestPairs: 3, IngestAgencies: 4, IngestBatchesPerAgency: 5, IngestBatchRows: 10_000, IngestWarmUpRows: 10_000, IngestCorrectionRounds: 6,
        DeadlineAgencies: 50, DeadlineSeconds: 60, Watchers: 500, WatchedPlaces: 50,
        PageUsers: 20, PageWarmUpReads: 10, PageRequestsPerUser: 10);

    public static readonly LoadSizes Quick = new(
        Places: 40, Indicators: 20,
        IngestPairs: 1, IngestAgencies: 4, IngestBatchesPerAgency: 1, IngestBatchRows: 10_000, IngestWarmUpRows: 2_000, IngestCorrectionRounds: 0,
        DeadlineAgencies: 8, DeadlineSeconds: 10, Watchers: 40, WatchedPlaces: 8,
        PageUsers: 4, PageWarmUpReads: 1, PageRequestsPerUser: 3);
}
