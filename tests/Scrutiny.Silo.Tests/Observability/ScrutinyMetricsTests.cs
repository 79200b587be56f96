using System.Diagnostics.Metrics;
using Scrutiny.Silo.Observability;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Returns;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Observability;

/// <summary>Scrutiny's own meter counts what the returns path did, as an OpenTelemetry exporter would read it.</summary>
public sealed class ScrutinyMetricsTests
{
    [Fact]
    public async Task Accepted_and_rejected_batches_and_rows_by_outcome_are_counted()
    {
        await using var api = await ReturnsEndpoint.StartAsync(StoreEngine.Sqlite);
        var counted = new Dictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ScrutinyMetrics.Name) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var outcome = tags.ToArray().FirstOrDefault(t => t.Key == "outcome").Value as string;
            var name = instrument.Name + (outcome is null ? "" : "/" + outcome);
            lock (counted) counted[name] = counted.GetValueOrDefault(name) + value;
        });
        listener.Start();

        var before = Snapshot(counted);
        await PostAsync(api, [("2026-06", 400), ("2026-07", 412)]);
        await PostAsync(api, [("2026-06", 400), ("2026-07", 415)]);
        await PostAsync(api, [("2026-13", 1)]);
        var after = Snapshot(counted);

        // Other nodes in this process may add to the same counters: at least ours are there.
        Assert.True(after.GetValueOrDefault("scrutiny.returns.accepted") - before.GetValueOrDefault("scrutiny.returns.accepted") >= 2);
        Assert.True(after.GetValueOrDefault("scrutiny.returns.rejected") - before.GetValueOrDefault("scrutiny.returns.rejected") >= 1);
        Assert.True(after.GetValueOrDefault("scrutiny.returns.rows/imported") - before.GetValueOrDefault("scrutiny.returns.rows/imported") >= 2);
        Assert.True(after.GetValueOrDefault("scrutiny.returns.rows/updated") - before.GetValueOrDefault("scrutiny.returns.rows/updated") >= 1);
        Assert.True(after.GetValueOrDefault("scrutiny.returns.rows/unchanged") - before.GetValueOrDefault("scrutiny.returns.rows/unchanged") >= 1);
    }

    private static Dictionary<string, long> Snapshot(Dictionary<string, long> counted)
    {
        lock (counted) return new Dictionary<string, long>(counted);
    }

    private static async Task PostAsync(ReturnsEndpoint api, (string Period, double Numerator)[] rows)
    {
        using var response = await api.PostJsonAsync(new
        {
            returns = rows.Select(r => new { place = "E08000003", indicator = "emergency-admissions-65plus", period = r.Period, numerator = r.Numerator, denominator = 61000.0 }),
        });
    }
}
