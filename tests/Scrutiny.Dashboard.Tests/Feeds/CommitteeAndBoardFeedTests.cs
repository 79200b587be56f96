using System.Net;
using System.ServiceModel.Syndication;
using Scrutiny.Dashboard.Boards;
using Scrutiny.Dashboard.Committees;
using Scrutiny.Dashboard.Feeds;
using Scrutiny.Dashboard.Tests.Boards;
using Scrutiny.Dashboard.Tests.Committees;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Committees;
using static Scrutiny.Dashboard.Tests.Committees.CommitteeCase;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Feeds;

/// <summary>The committee's and the board's Atom feeds: valid Atom, the records' events with ids that do not move, linked from the pages.</summary>
public sealed class CommitteeAndBoardFeedTests
{
    [Fact]
    public async Task A_committees_feed_has_a_recommendation_made_and_responded_to_and_a_question_answered_with_ids_that_stay()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await CommitteeCase.SeedAsync(app);
        var made = await c.RecommendAsync("Publish the discharge plan", Mft);
        var waiting = await c.RecommendAsync("Answer the waiting-list letter", Mft);
        await app.Get<RecommendationRegister>().RespondAsync(As(c.People.Submitter), Id, made.Recommendation.Id,
            new ResponseBody("accepted", "We will publish it in the spring", Day(Today.AddMonths(3))));
        await app.Get<RecommendationRegister>().AddUpdateAsync(As(c.People.Submitter), Id, made.Recommendation.Id,
            new ImplementationUpdateBody("in_progress", "Drafted with the council", null));
        var question = await c.AskAsync("How many beds are blocked each week?", Mft, Today.AddDays(7));
        await app.Get<CommitteeQuestions>().AnswerAsync(As(c.People.Submitter), Id, question.Question.Id, new AnswerBody("Forty a week."));
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };

        var (feed, response) = await AtomFeeds.ReadAsync(anonymous, FeedPaths.Committee(Id));

        var page = new Uri(app.BaseAddress, CommitteeAddresses.Recommendation(Id, made.Recommendation.Id));
        Assert.Equal(new Uri(app.BaseAddress, CommitteePaths.Committee(Id)).ToString(), feed.Id);
        Assert.Equal($"{Name}: recommendations and questions", feed.Title.Text);
        Assert.Equal(Name, Assert.Single(feed.Authors).Name);
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri == new Uri(app.BaseAddress, FeedPaths.Committee(Id)));
        var recommended = AtomFeeds.Entry(feed, $"{made.Recommendation.Id}#made");
        Assert.Equal($"{page}#made", recommended.Id);
        Assert.Equal($"{Name} recommended to Manchester University NHS Foundation Trust", recommended.Title.Text);
        Assert.Equal("Publish the discharge plan", ((TextSyndicationContent)recommended.Summary).Text);
        Assert.Equal(page, Assert.Single(recommended.Links).Uri);
        var responded = AtomFeeds.Entry(feed, $"{made.Recommendation.Id}#response");
        Assert.Equal("Manchester University NHS Foundation Trust responded: Agreed", responded.Title.Text);
        Assert.StartsWith("We will publish it in the spring. To be in place by", ((TextSyndicationContent)responded.Summary).Text);
        Assert.Contains("Under way", AtomFeeds.Entry(feed, $"{made.Recommendation.Id}#update-1").Title.Text);
        AtomFeeds.Entry(feed, $"{waiting.Recommendation.Id}#made");
        Assert.DoesNotContain(feed.Items, i => i.Id.EndsWith($"{waiting.Recommendation.Id}#response", StringComparison.Ordinal));
        AtomFeeds.Entry(feed, $"{question.Question.Id}#asked");
        Assert.Equal("Forty a week.", ((TextSyndicationContent)AtomFeeds.Entry(feed, $"{question.Question.Id}#answered").Summary).Text);
        // Newest first; nobody's name or e-mail, only bodies'.
        Assert.Equal(feed.Items.Select(i => i.LastUpdatedTime).OrderDescending(), feed.Items.Select(i => i.LastUpdatedTime));
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(c.People.Submitter.Email, text);
        Assert.DoesNotContain(c.People.ScrutinyMember.Email, text);

        // Read again: the same ids, the same ETag, and 304 to a reader that has it.
        var (again, againResponse) = await AtomFeeds.ReadAsync(anonymous, FeedPaths.Committee(Id));
        Assert.Equal(feed.Items.Select(i => i.Id), again.Items.Select(i => i.Id));
        Assert.Equal(response.Headers.ETag, againResponse.Headers.ETag);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        using var conditional = new HttpRequestMessage(HttpMethod.Get, FeedPaths.Committee(Id));
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await anonymous.SendAsync(conditional, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        AtomFeeds.AssertLinked(await anonymous.GetStringAsync(CommitteePaths.Committee(Id), TestContext.Current.CancellationToken), FeedPaths.Committee(Id));
    }

    [Fact]
    public async Task A_boards_feed_has_its_commitments_updates_statuses_and_Turn_the_Curve_and_the_page_links_it()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await BoardCase.SeedAsync(app);
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };

        var (feed, _) = await AtomFeeds.ReadAsync(anonymous, FeedPaths.Board(BoardCase.Board));

        var commitment = new Uri(app.BaseAddress, BoardPaths.Commitment(BoardCase.Board, c.Discharges));
        var made = AtomFeeds.Entry(feed, $"{c.Discharges}#made");
        Assert.Equal($"{commitment}#made", made.Id);
        Assert.Equal("Commitment made: Cut delayed discharges", made.Title.Text);
        Assert.Equal("Older people live well at home", ((TextSyndicationContent)made.Summary).Text);
        Assert.Contains(feed.Items, i => i.Id.StartsWith($"{commitment}#update-", StringComparison.Ordinal)
            && ((TextSyndicationContent)i.Summary).Text == "Twelve beds commissioned at Withington");
        Assert.Equal("Cut delayed discharges is now on track", AtomFeeds.Entry(feed, $"{c.Discharges}#status-1").Title.Text);
        AtomFeeds.Entry(feed, $"{c.Teams}#made");
        var plan = AtomFeeds.Entry(feed, $"/turn-the-curve/{DelayedDays}#plan");
        Assert.Equal("People wait in hospital for home care packages to start.", ((TextSyndicationContent)plan.Summary).Text);
        var (again, _) = await AtomFeeds.ReadAsync(anonymous, FeedPaths.Board(BoardCase.Board));
        Assert.Equal(feed.Items.Select(i => i.Id), again.Items.Select(i => i.Id));

        AtomFeeds.AssertLinked(await anonymous.GetStringAsync(BoardPaths.Board(BoardCase.Board), TestContext.Current.CancellationToken),
            FeedPaths.Board(BoardCase.Board));
    }

    [Fact]
    public async Task Characters_XML_cannot_hold_are_left_out_of_a_feed_and_the_rest_kept()
    {
        await using var app = await DashboardApp.StartAsync();
        var c = await CommitteeCase.SeedAsync(app);
        var made = await c.RecommendAsync("Keep\u0001 the \u001Fbeds open \U0001F3E5 & <b>now</b>", Mft);
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };

        foreach (var path in new[] { FeedPaths.Committee(Id), FeedPaths.Place(Manchester) })
        {
            var (feed, _) = await AtomFeeds.ReadAsync(anonymous, path);
            Assert.Equal("Keep the beds open \U0001F3E5 & <b>now</b>",
                ((TextSyndicationContent)AtomFeeds.Entry(feed, $"{made.Recommendation.Id}#made").Summary).Text);
        }
    }

    [Fact]
    public async Task A_feed_of_an_unknown_place_committee_or_board_is_not_found()
    {
        await using var app = await DashboardApp.StartAsync();
        await TestCatalogue.SeedAsync(app);
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };

        foreach (var path in new[] { FeedPaths.Place("E99999999"), FeedPaths.Committee("no-such-committee"), FeedPaths.Board("no-such-board") })
        {
            using var response = await anonymous.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }
    }
}
