using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Runtime;

namespace Scrutiny.Silo.Returns;

/// <summary>Validates a batch and, when it is clean, hands each indicator's rows to its grain.</summary>
public sealed class ReturnsImporter(ReturnsValidator validator, IGrainFactory grains, TimeProvider time)
{
    public async Task<(ReturnsImportResult? Result, IReadOnlyList<ReturnProblem> Problems)> ImportAsync(
        string agencyCode, string submittedBy, IReadOnlyList<ReturnRow> rows, bool dryRun, CancellationToken cancellationToken)
    {
        var problems = await validator.ValidateAsync(agencyCode, rows, cancellationToken);
        if (problems.Count > 0) return (null, problems);

        var batchId = Guid.CreateVersion7().ToString("N");
        var at = time.GetUtcNow();
        var outcomes = new List<ReturnOutcome>(rows.Count);
        // One call per indicator grain, in the order the rows came.
        foreach (var group in rows.GroupBy(r => IndicatorKey.For(r.Place!, r.Indicator!)))
        {
            var values = group.Select(r => new ReturnedValue(r.Period!, agencyCode, r.Numerator!.Value, r.Denominator, r.Note)).ToList();
            var grain = grains.Get<IIndicatorGrain>(group.Key);
            outcomes.AddRange(dryRun
                ? await grain.PreviewAsync(values)
                : await grain.SubmitAsync(new ReturnSubmission(batchId, submittedBy, at, values)));
        }
        return (new ReturnsImportResult(batchId,
            outcomes.Count(o => o == ReturnOutcome.Imported),
            outcomes.Count(o => o == ReturnOutcome.Updated),
            outcomes.Count(o => o == ReturnOutcome.Unchanged), dryRun), []);
    }
}
