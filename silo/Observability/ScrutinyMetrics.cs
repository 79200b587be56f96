using System.Diagnostics.Metrics;

namespace Scrutiny.Silo.Observability;

/// <summary>
/// Scrutiny's own meter (<see cref="Name"/>): what the returns path did, next to ASP.NET Core's and Orleans' meters.
/// Exported by OpenTelemetry when an OTLP endpoint is configured; otherwise counted and dropped.
/// </summary>
public static class ScrutinyMetrics
{
    public const string Name = "Scrutiny";

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> ReturnsAccepted = Meter.CreateCounter<long>("scrutiny.returns.accepted", "{batch}",
        "Return batches accepted (committed with their ledger entries).");

    public static readonly Counter<long> ReturnsRejected = Meter.CreateCounter<long>("scrutiny.returns.rejected", "{batch}",
        "Return batches refused with row and field problems.");

    public static readonly Counter<long> RowsImported = Meter.CreateCounter<long>("scrutiny.returns.rows", "{row}",
        "Returned values applied to indicator grains, by outcome (imported, updated, unchanged).");

    public static readonly Counter<long> ConflictsRetried = Meter.CreateCounter<long>("scrutiny.grains.conflicts_retried", "{call}",
        "Grain writes that lost a version race and were submitted again.");

    public static readonly Counter<long> PushMessages = Meter.CreateCounter<long>("scrutiny.push.messages", "{message}",
        "Changes sent to SignalR hub groups.");
}
