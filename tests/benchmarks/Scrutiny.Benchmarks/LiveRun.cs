using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Returns;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Benchmarks;

// How long a value takes from its return being posted to reaching the pages that show it: the whole dashboard on
// real Kestrel over SQLite, `watchers` SignalR clients (as live.js connects) spread over 20 places' groups, and
// `returns` single-value returns posted one after another by an agency. Prints the API's answer time and the
// delivery time to every watcher of the place (p50, p95, max), then the time to re-render the place page (what a
// live region refresh fetches).
//
//   dotnet run -c Release --project tests/benchmarks/Scrutiny.Benchmarks -- live [watchers] [returns]
internal static class LiveRun
{
    private const int Places = 20;

    public static async Task<int> RunAsync(int watchers, int returns)
    {
        // Every watcher and the poster come from 127.0.0.1: a load run is one address doing what many browsers do, so
        // the per-address page budget (300 a minute) is lifted for it.
        await using var app = await DashboardApp.StartAsync(new Dictionary<string, string?>
        {
            [$"{RateLimitOptions.Section}:{nameof(RateLimitOptions.PageRequestsPerMinute)}"] = "100000",
        });
        var baseAddress = app.BaseAddress;
        var writer = app.Get<CatalogueWriter>();
        await MinimalCatalogue.SeedAsync(writer);
        await GeneratedReturnsCsv.SeedCatalogueAsync(writer, Places);
        var key = await app.Get<ApiKeyStore>().CreateAsync("MFT", isAdmin: false);

        // When each watcher of a place received the change of each posted period.
        var received = new ConcurrentDictionary<(int Watcher, string Period), long>();
        var connections = new List<HubConnection>();
        for (var w = 0; w < watchers; w++)
        {
            var watcher = w;
            var connection = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "/hubs/scrutiny")).Build();
            connection.On<ChangeSeen>("changed", change =>
            {
                if (change.Kind == "place" && change.Period is not null) received.TryAdd((watcher, change.Period), Stopwatch.GetTimestamp());
            });
            await connection.StartAsync();
            await connection.InvokeAsync("Watch", $"place:{GeneratedReturnsCsv.PlaceCode(watcher % Places)}");
            connections.Add(connection);
        }

        using var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        var answers = new List<double>();
        var deliveries = new List<double>();
        var missing = 0;
        for (var r = 0; r < returns; r++)
        {
            var place = r % Places;
            var period = GeneratedReturnsCsv.Period(r);
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync("/api/v1/returns", new
            {
                returns = new[] { new { place = GeneratedReturnsCsv.PlaceCode(place), indicator = GeneratedReturnsCsv.Indicator, period, numerator = 100 + r } },
            });
            response.EnsureSuccessStatusCode();
            answers.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            // Wait (at most 5 s) for every watcher of the place, then record each delivery.
            var audience = Enumerable.Range(0, watchers).Where(w => w % Places == place).ToList();
            var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 5;
            while (audience.Any(w => !received.ContainsKey((w, period))) && Stopwatch.GetTimestamp() < deadline) await Task.Delay(1);
            foreach (var w in audience)
                if (received.TryGetValue((w, period), out var at)) deliveries.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
                else missing++;
        }

        var renders = new List<double>();
        using var anonymous = new HttpClient { BaseAddress = baseAddress };
        for (var i = 0; i < 50; i++)
        {
            var start = Stopwatch.GetTimestamp();
            (await anonymous.GetAsync($"/places/{GeneratedReturnsCsv.PlaceCode(i % Places)}")).EnsureSuccessStatusCode();
            renders.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        foreach (var connection in connections) await connection.DisposeAsync();

        Console.WriteLine($"machine           {Environment.ProcessorCount} cores, .NET {Environment.Version}, SQLite");
        Console.WriteLine($"watchers          {watchers} SignalR connections over {Places} places' groups; {returns} returns posted one by one");
        Console.WriteLine($"API answered      {Summary(answers)}");
        Console.WriteLine($"delivered         {Summary(deliveries)} from posting to each watcher ({deliveries.Count} deliveries, {missing} missing)");
        Console.WriteLine($"place page render {Summary(renders)} (what a live region refresh fetches)");
        return missing == 0 ? 0 : 1;
    }

    private static string Summary(List<double> ms)
    {
        if (ms.Count == 0) return "none";
        ms.Sort();
        double At(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        return $"p50 {At(0.5),6:F1} ms, p95 {At(0.95),6:F1} ms, max {ms[^1],6:F1} ms";
    }

    private sealed record ChangeSeen(string Kind, string? Period, double? Value);
}
