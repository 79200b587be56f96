namespace Scrutiny.Silo.Api.Indicators;

/// <summary>What a catalogue import did, by indicator code.</summary>
public sealed record IndicatorsImportResult(IReadOnlyList<string> Created, IReadOnlyList<string> Updated, IReadOnlyList<string> Unchanged);
