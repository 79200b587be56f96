using Scrutiny.Dashboard.Committees;
using Scrutiny.Silo.Committees;

namespace Scrutiny.Dashboard.Feeds;

/// <summary>A committee's feed: its recommendations and what became of them, and its questions and their answers.</summary>
public sealed class CommitteeFeed(CommitteeStore committees, RecommendationStore recommendations, QuestionStore questions, CommitteeLinks links)
{
    /// <summary>The feed's name, in the feed and in the page's link to it.</summary>
    public static string Title(Committee committee) => $"{committee.Name}: recommendations and questions";

    /// <summary>Null when no committee has this id.</summary>
    public async Task<Feed?> ReadAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await committees.FindAsync(id, cancellationToken) is not { } committee) return null;
        var names = await links.AddresseesAsync(cancellationToken);
        var entries = (await recommendations.ListAsync(new RecommendationScope(id), cancellationToken))
            .SelectMany(r => RecommendationFeedEntries.For(r, committee.Name, names.Name(r.Addressee)))
            .Concat((await questions.ListAsync(id, cancellationToken: cancellationToken))
                .SelectMany(q => RecommendationFeedEntries.For(q, committee.Name, names.Name(q.Addressee))));
        return new Feed(Title(committee), CommitteePaths.Committee(id), FeedPaths.Committee(id),
            committee.Name, FeedEntry.Newest(entries));
    }
}
