using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Returns;

/// <summary>One row of a returns batch as submitted (JSON element or CSV line); every field may be missing.</summary>
public sealed record ReturnRow(string? Place, string? Indicator, string? Period, double? Numerator, double? Denominator, string? Note);

/// <summary>The JSON body of <c>POST /api/v1/returns</c>.</summary>
public sealed record ReturnsBatch(IReadOnlyList<ReturnRow>? Returns);

/// <summary>What an import did (or, in a dry run, would do).</summary>
public sealed record ReturnsImportResult(string BatchId, int Imported, int Updated, int Unchanged, bool DryRun);
