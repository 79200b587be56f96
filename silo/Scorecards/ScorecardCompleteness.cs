using Scrutiny.Silo.Schedule;

namespace Scrutiny.Silo.Scorecards;

/// <summary>
/// Who has returned an indicator for one period, by agency code: <see cref="Missing"/> are past their due date,
/// <see cref="NotYetDue"/> are awaited, <see cref="Late"/> arrived after the due date.
/// </summary>
public sealed record ScorecardCompleteness(
    string Period, IReadOnlyList<string> Expected, IReadOnlyList<string> Received, IReadOnlyList<string> Missing,
    IReadOnlyList<string> NotYetDue, IReadOnlyList<string> Late)
{
    public static ScorecardCompleteness From(string period, IndicatorCompleteness completeness)
    {
        var agencies = completeness.Agencies;
        List<string> Where(Func<ExpectedReturn, bool> predicate) => [.. agencies.Where(predicate).Select(a => a.Agency)];
        return new ScorecardCompleteness(period, Where(_ => true), Where(a => a.Received),
            Where(a => a.Status == ReturnStatus.Overdue), Where(a => a.Status == ReturnStatus.Due), Where(a => a.OnTime == false));
    }

    /// <summary>"2 of 3 agencies; missing: GMP; late: MCC": the page's and the CSV's words, the same.</summary>
    public string Summary
    {
        get
        {
            var parts = new List<string> { $"{Received.Count} of {Expected.Count} {(Expected.Count == 1 ? "agency" : "agencies")}" };
            if (Missing.Count > 0) parts.Add($"missing: {string.Join(", ", Missing)}");
            if (NotYetDue.Count > 0) parts.Add($"not yet due: {string.Join(", ", NotYetDue)}");
            if (Late.Count > 0) parts.Add($"late: {string.Join(", ", Late)}");
            return string.Join("; ", parts);
        }
    }
}
