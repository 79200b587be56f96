using Dapper;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Schedule;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Email;

/// <summary>
/// The daily check for agencies' returns: each agency's submitters get one email when returns fall due within
/// <see cref="DueSoonDays"/> days, and one when they are overdue, listing them. Returns are grouped by their due day,
/// so one email covers every return due that day; the dedupe key names agency, reminder, due day and person, so no
/// email goes twice. A return the agency is locked out of is left out: it can no longer be sent through Scrutiny.
/// </summary>
public sealed class ReturnReminders(
    Completeness completeness, ICatalogue catalogue, DailyEmailJobs jobs, Database database, EmailOptions options, TimeProvider time)
{
    public const string Job = "return_reminders";

    public const int DueSoonDays = 7;

    /// <summary>How many ended periods back an overdue return is still reminded of (the latest few, not years of history).</summary>
    public const int PeriodsBack = 3;

    /// <summary>How many returns an email lists before "and N more".</summary>
    public const int Listed = 30;

    public async Task<int> RunAsync(string claimant, CancellationToken cancellationToken = default)
    {
        var today = time.Today();
        if (!await jobs.TryClaimAsync(Job, today, claimant, cancellationToken)) return 0;
        var indicators = (await catalogue.ListIndicatorsAsync(cancellationToken)).ToDictionary(i => i.Code, i => i.Title, StringComparer.Ordinal);
        var places = (await catalogue.ListPlacesAsync(cancellationToken)).ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
        var reminders = new List<(string Agency, string AgencyName, bool Overdue, DateOnly Due, List<string> Returns)>();
        foreach (var agency in await AgenciesWithSubmittersAsync(cancellationToken))
        {
            var owed = (await completeness.ForAgencyAsync(agency, PeriodsBack, cancellationToken)).Returns
                .Where(r => !r.Locked && (r.Status == ReturnStatus.Overdue || (r.Status == ReturnStatus.Due && r.DueDate.DayNumber - today.DayNumber <= DueSoonDays)));
            var name = (await catalogue.FindAgencyAsync(agency, cancellationToken))?.Name ?? agency;
            foreach (var group in owed.GroupBy(r => (Overdue: r.Status == ReturnStatus.Overdue, r.DueDate)).OrderBy(g => g.Key.DueDate))
                reminders.Add((agency, name, group.Key.Overdue, group.Key.DueDate, [.. group
                    .OrderBy(r => indicators.GetValueOrDefault(r.Indicator, r.Indicator), StringComparer.Ordinal).ThenBy(r => r.Place, StringComparer.Ordinal)
                    .Select(r => $"{indicators.GetValueOrDefault(r.Indicator, r.Indicator)}, {places.GetValueOrDefault(r.Place, r.Place)}, {r.Period}")]));
        }
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var written = 0;
            var at = time.GetUtcNow();
            foreach (var (agency, name, overdue, due, returns) in reminders)
            {
                var count = returns.Count == 1 ? "1 return" : $"{returns.Count} returns";
                var subject = overdue ? $"{count} overdue: due by {DayText.Words(due)}" : $"{count} due by {DayText.Words(due)}";
                var paragraph = overdue
                    ? $"Scrutiny has not received these returns from {name}. They were due by {DayText.Words(due)}, and are now overdue:"
                    : $"These returns from {name} are due by {DayText.Words(due)}, and Scrutiny has not received them yet:";
                var listed = returns.Count <= Listed ? returns : [.. returns.Take(Listed), $"and {returns.Count - Listed} more"];
                written += await OutboxWriter.AddForEachAsync(connection, transaction, database.Engine, options, new Recipient(RecipientKind.Agency, agency),
                    EmailKind.ReturnReminder, subject, [paragraph], "See your agency's returns and send them", "/agency",
                    $"you submit returns for {name} in Scrutiny", $"returns:{agency}:{(overdue ? "overdue" : "due_soon")}:{DayText.Of(due)}",
                    at, cancellationToken, listed);
            }
            await jobs.MarkDoneAsync(connection, transaction, Job, today, claimant, at, cancellationToken);
            return written;
        }, cancellationToken);
    }

    private async Task<IReadOnlyList<string>> AgenciesWithSubmittersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT DISTINCT r.scope FROM person_roles r JOIN people p ON p.id = r.person_id
            WHERE r.role = @role AND p.disabled_at IS NULL ORDER BY r.scope
            """, new { role = PersonRole.AgencySubmitter }, cancellationToken: cancellationToken))];
    }
}
