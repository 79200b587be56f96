using Scrutiny.Dashboard.Presentation;
using Scrutiny.Silo.Committees;

namespace Scrutiny.Dashboard.Feeds;

/// <summary>
/// What a committee's records say happened, as feed entries: a recommendation made, the addressee's response (accepted,
/// partly accepted, rejected), each implementation update and the status it reports, the committee closing it; a
/// question asked and answered. Bodies and committees are named, never the people who wrote (as the register does).
/// </summary>
public static class RecommendationFeedEntries
{
    public static IEnumerable<FeedEntry> For(Recommendation r, string committeeName, string addressee)
    {
        var page = CommitteeAddresses.Recommendation(r.CommitteeId, r.Id);
        yield return new FeedEntry($"{committeeName} recommended to {addressee}", r.Text, page, "made", r.MadeAt);
        if (r.Response is { } response)
        {
            var by = response.ImplementBy is { } day ? $" To be in place by {Dates.Day(day)}." : "";
            yield return new FeedEntry($"{addressee} responded: {RecommendationWords.Decision(response.Decision)}",
                $"{Sentence(response.Reasons)}{by}", page, "response", response.At);
        }
        for (var i = 0; i < r.Updates.Count; i++)
        {
            var update = r.Updates[i];
            // Updates are only ever appended, so an update's place in the list names it for good.
            yield return new FeedEntry($"{addressee} reported progress: {RecommendationWords.Progress(update.Status)}",
                update.Text, page, $"update-{i + 1}", update.At);
        }
        if (r.Closure is { } closure)
            yield return new FeedEntry($"{committeeName} closed its recommendation to {addressee}", closure.Note, page, "closed", closure.At);
    }

    public static IEnumerable<FeedEntry> For(Question q, string committeeName, string addressee)
    {
        var page = CommitteeAddresses.Question(q.CommitteeId, q.Id);
        // A resident's question is the committee's to publish; the feed says whose it is but, as everywhere in a feed, no name.
        yield return new FeedEntry(q.Resident is null ? $"{committeeName} asked {addressee} a question" : $"{committeeName} put a resident's question to {addressee}",
            $"{Sentence(q.Text)} Answer due by {Dates.Day(q.DueOn)}.", page, "asked", q.AskedAt);
        if (q.Answer is { } answer)
            yield return new FeedEntry($"{addressee} answered a question", answer.Text, page, "answered", answer.At);
    }

    // A sentence that another follows ends with a stop, whether or not its writer gave it one.
    private static string Sentence(string text) => text.TrimEnd() is var t && (t.Length == 0 || ".?!".Contains(t[^1])) ? t : t + ".";
}
