using Scrutiny.Dashboard.Boards;
using Scrutiny.Dashboard.Presentation;
using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;

namespace Scrutiny.Dashboard.Feeds;

/// <summary>
/// A board's feed: commitments made, partners' updates, each status a commitment moved to (the recorded history, which
/// the board grain derives from published values only, so it is the public's), milestones done, and Turn the Curve
/// plans as last changed. Read in the public's view whoever asks: a feed is fetched by a reader that signs in as no one.
/// </summary>
public sealed class BoardFeed(ICatalogue catalogue, IGrainFactory grains)
{
    /// <summary>The feed's name, in the feed and in the page's link to it.</summary>
    public static string Title(PartnershipBoard board) => $"{board.Name}: commitments and progress";

    /// <summary>Null when no board has this id.</summary>
    public async Task<Feed?> ReadAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await catalogue.FindBoardAsync(id, cancellationToken) is null) return null;
        if (await grains.Grain<IPartnershipBoardGrain>(id).GetBoardAsync(DataView.Published) is not { } view) return null;
        var entries = view.Commitments.SelectMany(c => Entries(id, c.Commitment)).ToList();
        foreach (var plan in view.Plans)
        {
            var title = (await catalogue.FindIndicatorAsync(plan.Indicator, cancellationToken))?.Title ?? plan.Indicator;
            // One entry a plan, updated when the plan is: the page shows only its latest story.
            entries.Add(new FeedEntry($"Turn the Curve changed: {title}", plan.Story, BoardPaths.TurnTheCurve(id, plan.Indicator), "plan", plan.UpdatedAt));
        }
        return new Feed(Title(view.Board), BoardPaths.Board(id), FeedPaths.Board(id), view.Board.Name,
            FeedEntry.Newest(entries));
    }

    private static IEnumerable<FeedEntry> Entries(string board, Commitment c)
    {
        var page = BoardPaths.Commitment(board, c.Id);
        yield return new FeedEntry($"Commitment made: {c.Title}", c.Result, page, "made", c.CreatedAt);
        foreach (var update in c.Updates)
            yield return new FeedEntry($"Update on {c.Title}", update.Text, page, $"update-{update.Id}", update.At);
        for (var i = 0; i < c.History.Count; i++)
        {
            var change = c.History[i];
            // The history is only ever appended to, so a change's place in it names it for good.
            var why = change.Overridden ? $" Set by the board: {change.Reason}" : "";
            yield return new FeedEntry($"{c.Title} is now {BoardTags.For(change.Status).Text.ToLowerInvariant()}",
                $"The commitment's status moved to {BoardTags.For(change.Status).Text.ToLowerInvariant()}.{why}", page, $"status-{i + 1}", change.At);
        }
        foreach (var milestone in c.Milestones)
            if (milestone.CompletedOn is { } done)
                yield return new FeedEntry($"Milestone done: {milestone.Title}", $"A step of {c.Title}, done on {Dates.Day(done)}.", page,
                    $"milestone-{milestone.Id}-done", new DateTimeOffset(done.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
    }
}
