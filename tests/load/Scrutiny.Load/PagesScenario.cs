using System.Diagnostics;

namespace Scrutiny.Load;

/// <summary>
/// The heaviest pages, read by several users at once (anonymous, as residents read them): a place's scorecard over
/// everything the ingest wrote for it, an indicator page with 240 monthly points, the comparison of one indicator across
/// the most numerous type of place, and a board with 20 commitments. Time is to the last byte on 127.0.0.1, so it is
/// the server's time plus a loopback transfer. Each page is read as residents read it (the same address, which the
/// node keeps for a second while nothing changes: <c>KeptForThePublicAttribute</c>), and again with an address made
/// unique by a query parameter the page ignores, so that every read is a rendering: what a page costs when a change
/// has just ended the kept one, or when readers each ask for something different.
/// </summary>
public static class PagesScenario
{
    private const int Months = 240;
    private const int Commitments = 20;

    private static long _reads;

    public static async Task RunAsync(LoadContext context)
    {
        var catalogue = context.Catalogue;
        var place = catalogue.Authorities.First();
        var council = catalogue.Agencies.Single(a => a.Sector == "local_government" && a.Places.SequenceEqual([place.Code]));
        var monthly = catalogue.Indicators.First(i => i.Frequency == "monthly" && i.Combine != "single_source");
        var compared = catalogue.Indicators.First(i => i.Frequency == "annual" && i.Combine != "single_source");
        var type = catalogue.Authorities.GroupBy(p => p.Type).MaxBy(g => g.Count())!;
        var health = catalogue.Agencies.Where(a => a.Sector == "health").ToList();
        var keys = await CatalogueSetup.KeysAsync(context.Client, context.AdminKey, [council.Code, .. health.Select(a => a.Code)]);
        var random = new Random(context.Seed + 1);

        // 240 months of the council's own figures for one indicator, and one year of another in every place of the type.
        await PostCsvAsync(context, keys[council.Code], Enumerable.Range(0, Months)
            .Select(back => ReturnRow.Make(random, council.Code, place.Code, monthly, Periods.Back("monthly", IngestScenario.LastYear, back)!)));
        foreach (var agency in health)
            if (agency.Places.Where(p => type.Any(t => t.Code == p)).ToList() is { Count: > 0 } places)
                await PostCsvAsync(context, keys[agency.Code],
                    places.Select(p => ReturnRow.Make(random, agency.Code, p, compared, Periods.Back("annual", IngestScenario.LastYear, 0)!)));
        for (var c = 0; c < Commitments; c++)
            await context.Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/boards/{place.Board}/commitments", context.AdminKey, new
            {
                title = $"Commitment {c + 1}", result = "People live longer, healthier lives.", indicators = new[] { monthly.Code },
                baseline = new { value = 10, date = "2020-04-01" }, target = new { value = 20, date = "2027-03-31" },
                leadAgency = council.Code, contributingAgencies = Array.Empty<string>(),
            });

        // Each page is timed as a running node serves it: its code already compiled (by rendering the same kind of page
        // for another place, indicator, type and board first, untimed, at addresses no read repeats so that none is
        // served from a kept rendering), while the subject's own data is read cold.
        var other = catalogue.Authorities.Skip(1).First();
        var otherType = catalogue.Authorities.GroupBy(p => p.Type).OrderByDescending(g => g.Count()).Skip(1).First();
        var pages = new (string Name, string Path, string WarmUpPath)[]
        {
            ("scorecard", $"/places/{place.Code}", $"/places/{other.Code}"),
            ("indicator", $"/places/{place.Code}/indicators/{monthly.Code}", $"/places/{other.Code}/indicators/{monthly.Code}"),
            ("compare", $"/compare?indicator={compared.Code}&type={type.Key}", $"/compare?indicator={compared.Code}&type={otherType.Key}"),
            ("board", $"/boards/{place.Board}", $"/boards/{other.Board}"),
        };
        context.Progress($"pages: {context.Sizes.PageUsers} users, {context.Sizes.PageWarmUpReads} untimed reads of a page like each, then {context.Sizes.PageRequestsPerUser} reads of each of {pages.Length} pages each");
        foreach (var (_, _, warmUpPath) in pages)
            await ReadAsync(context, warmUpPath, context.Sizes.PageUsers, context.Sizes.PageWarmUpReads, new Latencies(), bytes: new long[1], unique: true);
        // The runtime compiles its optimised code on a background thread after the calls it counts.
        await Task.Delay(TimeSpan.FromSeconds(2));
        foreach (var (name, path, _) in pages)
        {
            var times = new Latencies();
            var bytes = new long[1];
            await ReadAsync(context, path, context.Sizes.PageUsers, context.Sizes.PageRequestsPerUser, times, bytes);
            context.Record($"page_{name}_p50_ms", times.Percentile(50));
            context.Record($"page_{name}_p95_ms", times.Percentile(95));
            context.Record($"page_{name}_kb", Math.Round(bytes[0] / 1024.0, 1));
            var rendered = new Latencies();
            await ReadAsync(context, path, context.Sizes.PageUsers, context.Sizes.PageRequestsPerUser, rendered, bytes, unique: true);
            context.Record($"page_{name}_rendered_p50_ms", rendered.Percentile(50));
            context.Record($"page_{name}_rendered_p95_ms", rendered.Percentile(95));
            // And rendered for one user alone: the server's time for the page without others' requests ahead of it.
            var alone = new Latencies();
            await ReadAsync(context, path, 1, context.Sizes.PageRequestsPerUser, alone, bytes, unique: true);
            context.Record($"page_{name}_alone_p50_ms", alone.Percentile(50));
        }
        context.Record("page_compare_type", type.Key);
        context.Record("page_compare_places", type.Count());
        context.Record("page_users", context.Sizes.PageUsers);
    }

    /// <summary>
    /// Each of <paramref name="users"/> reads <paramref name="path"/> <paramref name="reads"/> times, one read after
    /// another; when <paramref name="unique"/>, each read's address carries a query parameter no other read's has.
    /// </summary>
    private static Task ReadAsync(LoadContext context, string path, int users, int reads, Latencies times, long[] bytes, bool unique = false) =>
        Task.WhenAll(Enumerable.Range(0, users).Select(async _ =>
        {
            for (var r = 0; r < reads; r++)
            {
                var address = unique ? $"{path}{(path.Contains('?') ? '&' : '?')}load-read={Interlocked.Increment(ref _reads)}" : path;
                var sent = Stopwatch.GetTimestamp();
                using var response = await context.Client.SendAsync(HttpMethod.Get, address, null);
                var body = await response.Content.ReadAsByteArrayAsync();
                times.Add(Stopwatch.GetElapsedTime(sent));
                Interlocked.Exchange(ref bytes[0], body.Length);
                if (!response.IsSuccessStatusCode) context.Problem($"pages: {address} answered {(int)response.StatusCode}");
            }
        }));

    private static async Task PostCsvAsync(LoadContext context, string key, IEnumerable<ReturnRow> rows)
    {
        using var response = await context.Client.SendAsync(HttpMethod.Post, "/api/v1/returns", key, ProductClient.Csv(ReturnRow.Csv(rows)));
        if (!response.IsSuccessStatusCode)
            context.Problem($"pages: returns for the pages answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
