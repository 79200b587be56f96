using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Schedule;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Email;

/// <summary>
/// The daily check for what addressees owe committees: a response to a recommendation or an answer to a question due
/// within <see cref="DueSoonDays"/> days, or overdue. Each person who speaks for the addressee gets one "due soon" and
/// one "overdue" email an item, never more: the dedupe key names the item, the reminder and the person.
/// </summary>
public sealed class ResponseReminders(
    RecommendationRegister register, CommitteeQuestions questions, CommitteeStore committees, ICatalogue catalogue, DailyEmailJobs jobs,
    Database database, EmailOptions options, TimeProvider time)
{
    public const string Job = "response_reminders";

    /// <summary>How many days ahead a due day counts as soon (a week: time to write a response).</summary>
    public const int DueSoonDays = 7;

    /// <summary>Runs today's check if no node has; how many emails it wrote (0 when another node has the run).</summary>
    public async Task<int> RunAsync(string claimant, CancellationToken cancellationToken = default)
    {
        var today = time.Today();
        if (!await jobs.TryClaimAsync(Job, today, claimant, cancellationToken)) return 0;
        var reminders = await DueAsync(today, cancellationToken);
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var written = 0;
            var at = time.GetUtcNow();
            foreach (var r in reminders)
                written += await OutboxWriter.AddForEachAsync(connection, transaction, database.Engine, options, Recipient.Of(r.Addressee),
                    EmailKind.ResponseReminder, r.Subject, r.Paragraphs, r.LinkText, r.Link, $"you speak for {r.AddresseeName} in Scrutiny",
                    r.Key, at, cancellationToken);
            // Another node that took the run over meanwhile writes nothing twice: the dedupe keys see to that.
            await jobs.MarkDoneAsync(connection, transaction, Job, today, claimant, at, cancellationToken);
            return written;
        }, cancellationToken);
    }

    private sealed record Reminder(string Key, Addressee Addressee, string AddresseeName, string Subject, IReadOnlyList<string> Paragraphs, string LinkText, string Link);

    private async Task<List<Reminder>> DueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var names = (await committees.ListAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Name);
        var reminders = new List<Reminder>();
        foreach (var entry in await register.ListAsync(new RecommendationScope(), cancellationToken: cancellationToken))
        {
            var r = entry.Recommendation;
            if (!RecommendationLifecycle.AwaitsResponse(entry.State) || Soon(r.ResponseDue, today) is not { } overdue) continue;
            var committee = names.GetValueOrDefault(r.CommitteeId, r.CommitteeId);
            var addressee = await NameAsync(r.Addressee, cancellationToken);
            var excerpt = EmailBody.OneLine(RecommendationRegister.Excerpt(r.Text));
            reminders.Add(Remind(overdue, $"recommendation:{r.Id}:response", r.Addressee, addressee, "Response", r.ResponseDue, excerpt,
                $"{committee} made a recommendation to {addressee} on {DayText.Words(r.MadeOn)}.", $"The recommendation: {r.Text}",
                "Respond to the recommendation", CommitteeAddresses.Recommendation(r.CommitteeId, r.Id)));
        }
        foreach (var entry in await questions.ListAsync(null, cancellationToken: cancellationToken))
        {
            var q = entry.Question;
            if (entry.State == QuestionState.Answered || Soon(q.DueOn, today) is not { } overdue) continue;
            var committee = names.GetValueOrDefault(q.CommitteeId, q.CommitteeId);
            var addressee = await NameAsync(q.Addressee, cancellationToken);
            var excerpt = EmailBody.OneLine(RecommendationRegister.Excerpt(q.Text));
            reminders.Add(Remind(overdue, $"question:{q.Id}:answer", q.Addressee, addressee, "Answer", q.DueOn, excerpt,
                $"{committee} asked {addressee} a question on {DayText.Words(q.AskedOn)}.", $"The question: {q.Text}",
                "Answer the question", CommitteeAddresses.Question(q.CommitteeId, q.Id)));
        }
        return reminders;
    }

    /// <summary>
    /// One reminder of what is owed (<paramref name="owed"/>: "Response", "Answer") by <paramref name="due"/>, "due soon"
    /// or overdue, in the same words for a recommendation and a question; its key is <paramref name="key"/> with
    /// <c>_due_soon</c> or <c>_overdue</c>.
    /// </summary>
    private static Reminder Remind(bool overdue, string key, Addressee addressee, string addresseeName, string owed, DateOnly due, string excerpt,
        string made, string quoted, string linkText, string link) => overdue
        ? new Reminder($"{key}_overdue", addressee, addresseeName, $"{owed} overdue: {excerpt}",
            [made, $"The {owed.ToLowerInvariant()} was due by {DayText.Words(due)}. It is now overdue, and the committee can see that it is.", quoted], linkText, link)
        : new Reminder($"{key}_due_soon", addressee, addresseeName, $"{owed} due by {DayText.Words(due)}: {excerpt}",
            [made, $"The {owed.ToLowerInvariant()} is due by {DayText.Words(due)}.", quoted], linkText, link);

    /// <summary>True: overdue; false: due within the week; null: neither.</summary>
    private static bool? Soon(DateOnly due, DateOnly today) =>
        today > due ? true : due.DayNumber - today.DayNumber <= DueSoonDays ? false : null;

    private async Task<string> NameAsync(Addressee addressee, CancellationToken cancellationToken) => addressee.Kind == AddresseeKind.Agency
        ? (await catalogue.FindAgencyAsync(addressee.Code, cancellationToken))?.Name ?? addressee.Code
        : (await catalogue.FindBoardAsync(addressee.Code, cancellationToken))?.Name ?? addressee.Code;
}
