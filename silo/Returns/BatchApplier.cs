using System.Data.Common;
using System.Text.Json;
using Dapper;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Runtime;
using Scrutiny.Grains.Statistics;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Returns;

/// <summary>
/// Feeds a staged batch to its indicator grains, one grain's rows at a time, and tallies what each row did. The
/// same code previews a dry run (inside the staging transaction), applies a new batch, and re-applies a batch
/// that a crash interrupted: re-applying is harmless, since a value already there counts as unchanged.
/// </summary>
public sealed class BatchApplier(Database database, IGrainFactory grains, TimeProvider time)
{
    public async Task<(ReturnsImportResult Result, IReadOnlyList<ReturnProblem> Warnings)> RunAsync(
        DbConnection connection, DbTransaction? transaction, BatchHeader batch, bool dryRun)
    {
        var (imported, updated, unchanged) = (0, 0, 0);
        var warnings = new List<ReturnProblem>();
        var group = new List<StagedRow>();
        async Task FlushAsync()
        {
            if (group.Count == 0) return;
            var grain = grains.Get<IIndicatorGrain>(IndicatorKey.For(group[0].Place, group[0].Indicator));
            var values = group.Select(r => new ReturnedValue(r.Period, batch.AgencyCode, r.Numerator, r.Denominator, r.Note)).ToList();
            warnings.AddRange(Outliers(await grain.GetSeriesAsync(), batch.AgencyCode, group));
            var outcomes = dryRun
                ? await grain.PreviewAsync(values)
                : await grain.SubmitAsync(new ReturnSubmission(batch.Id, batch.SubmittedBy, batch.ReceivedAt, values));
            imported += outcomes.Count(o => o == ReturnOutcome.Imported);
            updated += outcomes.Count(o => o == ReturnOutcome.Updated);
            unchanged += outcomes.Count(o => o == ReturnOutcome.Unchanged);
            group.Clear();
        }

        await foreach (var row in BatchStaging.ReadAsync(connection, transaction, batch.Id))
        {
            if (group.Count > 0 && (group[0].Place != row.Place || group[0].Indicator != row.Indicator)) await FlushAsync();
            group.Add(row);
        }
        await FlushAsync();
        return (new ReturnsImportResult(batch.Id, imported, updated, unchanged, dryRun), warnings);
    }

    /// <summary>Applies a batch that is staged and committed, then records it as applied with its result.</summary>
    public async Task<(ReturnsImportResult Result, IReadOnlyList<ReturnProblem> Warnings)> ApplyAsync(BatchHeader batch, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var outcome = await RunAsync(connection, null, batch, dryRun: false);
        await connection.ExecuteAsync(
            "UPDATE return_batches SET status = @status, applied_at = @at, result = @result WHERE id = @id",
            new
            {
                status = BatchHeader.Applied, at = SqlDialect.Timestamp(time.GetUtcNow(), database.Engine),
                result = JsonSerializer.Serialize(outcome.Result, GrainJson.Options), id = batch.Id,
            });
        return outcome;
    }

    private static IEnumerable<ReturnProblem> Outliers(IndicatorSeries series, string agency, List<StagedRow> rows)
    {
        foreach (var row in rows)
        {
            if (series.Indicator.ValueOf(row.Numerator, row.Denominator) is not { } value ||
                ContributionOutliers.Score(series, agency, row.Period, value) is not { } z) continue;
            yield return new ReturnProblem(row.Row, "numerator", "outlier",
                $"{value:G6} is {Math.Abs(z):F1} modified z-scores from {agency}'s recent values for {row.Place}; check it is right.");
        }
    }
}

/// <summary>A batch's header row in <c>return_batches</c>.</summary>
public sealed record BatchHeader(string Id, string AgencyCode, string SubmittedBy, ReturnsSource Source, DateTimeOffset ReceivedAt)
{
    /// <summary>Staged and committed: every row is valid and will be applied, if need be after a restart.</summary>
    public const string Accepted = "accepted";

    public const string Applied = "applied";
}
