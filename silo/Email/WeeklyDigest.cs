using Dapper;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Schedule;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Email;

/// <summary>
/// The weekly digest, written once a week among all the nodes on <see cref="EmailOptions.DigestDay"/> (claimed as
/// the daily checks are, <see cref="DailyEmailJobs"/>): one email for each board or committee member, whatever the
/// number of boards and committees they belong to, with a part for each (<see cref="DigestSections"/>). Someone whose
/// digest would be empty gets none; someone who turned the digest off is not written to (the sender would drop it).
/// The dedupe key names the day and the person, so a run again or on a second node writes nothing twice.
/// </summary>
public sealed class WeeklyDigest(DigestSections sections, DailyEmailJobs jobs, Database database, EmailOptions options, TimeProvider time)
{
    public const string Job = "weekly_digest";

    /// <summary>
    /// How many days after its day a week's digest is still written, when no node with a mail server ran on the day
    /// (all were down): late, but not so late that it lands beside the next one. A node first started mid-week writes
    /// no digest for the week before.
    /// </summary>
    public const int CatchUpDays = 2;

    /// <summary>
    /// Writes this week's digests if today is the digest's day, or up to <see cref="CatchUpDays"/> after it, and no node
    /// has; how many emails it wrote. A digest written late is the one of its day: the same week, the same dedupe key.
    /// </summary>
    public async Task<int> RunAsync(string claimant, CancellationToken cancellationToken = default)
    {
        var today = time.Today();
        // The digest's day this week: today, or the last one before it.
        var day = today.AddDays(-(((int)today.DayOfWeek - (int)options.DigestDay + 7) % 7));
        if (today.DayNumber - day.DayNumber > CatchUpDays) return 0;
        if (!await jobs.TryClaimAsync(Job, day, claimant, cancellationToken)) return 0;
        var window = new DigestWindow(day);
        // A committee's or board's part is the same for each of its members: made once a run.
        var parts = new Dictionary<(string Role, string Scope), IReadOnlyList<EmailSection>>();
        var digests = new List<(long Person, IReadOnlyList<EmailSection> Sections)>();
        foreach (var member in (await MembershipsAsync(cancellationToken)).GroupBy(m => m.PersonId))
        {
            var body = new List<EmailSection>();
            foreach (var m in member)
            {
                if (!parts.TryGetValue((m.Role, m.Scope), out var part))
                    parts[(m.Role, m.Scope)] = part = m.Role == PersonRole.ScrutinyMember
                        ? await sections.ForCommitteeAsync(m.Scope, window, cancellationToken)
                        : await sections.ForBoardAsync(m.Scope, window, cancellationToken);
                body.AddRange(part);
            }
            if (body.Count > 0) digests.Add((member.Key, [Opening(window), .. body]));
        }
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var written = 0;
            var at = time.GetUtcNow();
            foreach (var (person, body) in digests)
                written += await OutboxWriter.AddForEachAsync(connection, transaction, database.Engine, options,
                    new Recipient(RecipientKind.Person, person.ToString(System.Globalization.CultureInfo.InvariantCulture)), EmailKind.WeeklyDigest,
                    $"Weekly digest: {window.PastWords}", body, "you are a member of a scrutiny committee or partnership board in Scrutiny",
                    $"digest:{DayText.Of(day)}", at, cancellationToken);
            await jobs.MarkDoneAsync(connection, transaction, Job, day, claimant, at, cancellationToken);
            return written;
        }, cancellationToken);
    }

    private static EmailSection Opening(DigestWindow window) => new(null,
        [
            $"This is what changed from {window.PastWords} in the committees and boards you belong to, and what is due from {window.AheadWords}.",
            "Figures are the published ones, which anyone can see.",
        ], []);

    /// <summary>Each enabled person's committees, then boards, by id; but not those of a person who turned the digest off.</summary>
    private async Task<IReadOnlyList<Membership>> MembershipsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<Membership>(new CommandDefinition(
            """
            SELECT r.person_id AS PersonId, r.role AS Role, r.scope AS Scope FROM person_roles r JOIN people p ON p.id = r.person_id
            WHERE r.role IN (@committee, @board) AND p.disabled_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM email_preferences e WHERE e.person_id = p.id AND e.kind = @kind AND e.wanted = 0)
            ORDER BY r.person_id, CASE WHEN r.role = @committee THEN 0 ELSE 1 END, r.scope
            """,
            new { committee = PersonRole.ScrutinyMember, board = PersonRole.BoardMember, kind = CatalogueNames.Name(EmailKind.WeeklyDigest) },
            cancellationToken: cancellationToken))];
    }

    private sealed class Membership
    {
        public long PersonId { get; init; }
        public string Role { get; init; } = "";
        public string Scope { get; init; } = "";
    }
}
