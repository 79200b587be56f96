using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;

namespace Scrutiny.Load;

/// <summary>
/// A return deadline: councils post single-value JSON returns (each with an <c>Idempotency-Key</c>) as fast as they are
/// answered, for a set time, to the places anonymous watchers follow on the hub. Each council writes its own place only and
/// each return is for a newer month of its indicator (from 2021, after everything the ingest wrote), so every accepted
/// return moves the place's latest value and the place grain sends one <c>place</c> message for it (it sends none when the
/// period is older or the figures unchanged). The criterion: every watcher of the place hears a message naming that
/// place, indicator and period. Then the floor: a bare SignalR broadcast at the same rate to the same number of watchers.
/// </summary>
public static class DeadlineScenario
{
    private const int FirstYear = IngestScenario.LastYear + 1;
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Months from January 2021 to last month (a period that has not started is refused): each return a month newer than
    /// the last for its indicator.
    /// </summary>
    private static int Months => (DateTime.UtcNow.Year - FirstYear) * 12 + DateTime.UtcNow.Month - 1;

    public static async Task RunAsync(LoadContext context)
    {
        var sizes = context.Sizes;
        var watched = context.Catalogue.Authorities.TakeLast(sizes.WatchedPlaces).ToList();
        var councils = watched.Take(sizes.DeadlineAgencies)
            .Select(p => context.Catalogue.Agencies.Single(a => a.Sector == "local_government" && a.Places.SequenceEqual([p.Code]))).ToList();
        var keys = await CatalogueSetup.KeysAsync(context.Client, context.AdminKey, councils.Select(c => c.Code));
        var monthly = context.Catalogue.Indicators.Where(i => i.Frequency == "monthly").ToList();

        context.Progress($"deadline: connecting {sizes.Watchers} watchers to {watched.Count} places");
        var watchers = new ConcurrentBag<ProductWatcher>();
        await Parallel.ForEachAsync(Enumerable.Range(0, sizes.Watchers), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (w, _) =>
            watchers.Add(await ProductWatcher.ConnectAsync(context.Client.Address, watched[w % watched.Count].Code)));

        context.Progress($"deadline: {councils.Count} councils posting for {sizes.DeadlineSeconds} s");
        var accepted = new ConcurrentDictionary<string, (string Group, long At)>(StringComparer.Ordinal);
        var requested = new ConcurrentDictionary<string, (string Group, long At)>(StringComparer.Ordinal);
        var api = new Latencies();
        var (refused, errors) = (0, 0);
        var random = new Random(context.Seed);
        var seeds = councils.ToDictionary(c => c.Code, _ => random.Next());
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(sizes.DeadlineSeconds));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(councils.Select(async council =>
        {
            var place = council.Places[0];
            var values = new Random(seeds[council.Code]);
            for (var sequence = 0; !stop.IsCancellationRequested && sequence < monthly.Count * Months; sequence++)
            {
                var (indicator, period) = (monthly[sequence % monthly.Count], Periods.Month(FirstYear, sequence / monthly.Count));
                var row = ReturnRow.Make(values, council.Code, place, indicator, period);
                var body = new { returns = new[] { new { place, indicator = indicator.Code, period, numerator = row.Numerator, denominator = row.Denominator } } };
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await context.Client.SendAsync(HttpMethod.Post, "/api/v1/returns", keys[council.Code], JsonContent.Create(body),
                        new Dictionary<string, string> { ["Idempotency-Key"] = $"deadline-{council.Code}-{sequence}" });
                    var text = await response.Content.ReadAsStringAsync();
                    var acknowledged = Stopwatch.GetTimestamp();
                    api.Add(Stopwatch.GetElapsedTime(sent, acknowledged));
                    if (response.IsSuccessStatusCode)
                    {
                        accepted[DeadlineKey.Of(place, indicator.Code, period)] = (place, acknowledged);
                        requested[DeadlineKey.Of(place, indicator.Code, period)] = (place, sent);
                    }
                    else
                    {
                        Interlocked.Increment(ref refused);
                        context.Problem($"deadline: {council.Code} {indicator.Code} {period} answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 300)]}");
                    }
                }
                catch (HttpRequestException ex)
                {
                    Interlocked.Increment(ref errors);
                    context.Problem($"deadline: {council.Code}: {ex.Message}");
                }
            }
        }));
        var elapsed = clock.Elapsed;

        var heard = watchers.Select(w => (w.Place, (IReadOnlyDictionary<string, long>)w.Heard)).ToList();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Grace && !Deliveries.Complete(accepted, heard)) await Task.Delay(500);
        var deliveries = Deliveries.Of(accepted, heard);
        // Most messages arrive before the acknowledgement is read (the hub sends while the answer is on its way), so the
        // time from the request's send is reported too: it is what a watcher waits after an agency presses submit.
        var fromRequest = Deliveries.Of(requested, heard);
        foreach (var watcher in watchers) await watcher.DisposeAsync();
        if (deliveries.Missing > 0)
            context.Problem($"deadline: {deliveries.Missing} of {deliveries.Expected} deliveries missing {Grace.TotalSeconds} s after the last return");

        var rate = accepted.Count / elapsed.TotalSeconds;
        context.Progress($"deadline: {rate:F1} returns/s, push p95 {deliveries.Push.Percentile(95)} ms; now the floor");
        var floor = await BroadcastFloor.RunAsync(sizes.Watchers, watched.Count, rate, sizes.DeadlineSeconds);
        if (floor.Missing > 0) context.Problem($"deadline: the floor's own broadcast lost {floor.Missing} of {floor.Expected} deliveries");

        context.Record("deadline_agencies", councils.Count);
        context.Record("deadline_seconds", Math.Round(elapsed.TotalSeconds, 1));
        context.Record("deadline_watchers", sizes.Watchers);
        context.Record("deadline_watched_places", watched.Count);
        context.Record("deadline_returns_accepted", accepted.Count);
        context.Record("deadline_returns_refused", refused + errors);
        context.Record("deadline_returns_per_s", Math.Round(rate, 1));
        context.Record(api.Summary("api"));
        context.Record(deliveries.Push.Summary("push"));
        context.Record(fromRequest.Push.Summary("push_from_request"));
        context.Record("deliveries_expected", deliveries.Expected);
        context.Record("deliveries_missing", deliveries.Missing);
        context.Record("deliveries_heard_before_ack", deliveries.HeardBeforeAck);
        context.Record(floor.Push.Summary("floor"));
        var (push95, floor95) = (deliveries.Push.Percentile(95), floor.Push.Percentile(95));
        context.Record("push_ratio_p95", push95 is { } p && floor95 is { } f ? Math.Round(p / Math.Max(f, 0.1), 2) : null);
    }
}
