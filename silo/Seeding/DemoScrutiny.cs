using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Committees;

namespace Scrutiny.Silo.Seeding;

/// <summary>What the seed wrote for one committee.</summary>
public sealed record DemoScrutinyCounts(int Committees, int Topics, int Recommendations, int Questions)
{
    public static readonly DemoScrutinyCounts None = new(0, 0, 0, 0);
}

/// <summary>
/// A demo committee's story over the last few months: made, with meetings every six weeks; a work programme of two
/// topics linked to the borough's indicators, its board and the board's commitments; three recommendations, one at
/// each stage a newcomer should see (answered and in progress, to the council; overdue, to the NHS trust; awaiting the
/// board's response); a question answered and one open; a resident's question, published to the trust and answered. It goes through the committees' own services (their checks,
/// audit, notifications to the inbox) as the seed's principals, on a clock set to each step's day.
/// </summary>
public sealed class DemoScrutiny(
    CommitteeStore committees, RecommendationStore recommendations, QuestionStore questions, CommitteeRules rules, ICatalogue catalogue,
    INotificationSink notifications, CommitteeChanges changes, IGrainFactory grains, ResidentSubmissionStore residentSubmissions)
{
    /// <summary>Days to respond the committee gave the trust: it wanted an answer before the winter.</summary>
    public const int UrgentResponseDays = 28;

    /// <summary>Writes the story, unless the committee exists already (a seeded demo is left as it is).</summary>
    public async Task<DemoScrutinyCounts> SeedAsync(DemoCommittee demo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await committees.FindAsync(demo.Id, cancellationToken) is not null) return DemoScrutinyCounts.None;

        var clock = new DemoClock(now);
        var work = new CommitteeWork(committees, rules, changes, clock);
        var register = new RecommendationRegister(committees, recommendations, rules, catalogue, notifications, changes, clock);
        var asking = new CommitteeQuestions(committees, questions, rules, catalogue, notifications, changes, clock);
        var residents = new ResidentSubmissions(committees, residentSubmissions, questions, rules, notifications, changes, clock);
        var story = new DemoTimeline(now);
        var today = story.Today;
        var borough = demo.Borough;
        var place = borough.PlaceCode;
        var board = DemoBoroughs.BoardId(borough);
        var commitments = await CommitmentIdsAsync(board);
        var admin = DemoPrincipals.Administrator;
        int topics = 0, made = 0, asked = 0;

        // Meetings on Tuesdays every six weeks; the last a fortnight or more ago, the next two still to come.
        var last = DemoDays.OnOrBefore(today.AddDays(-14), DayOfWeek.Tuesday);
        var meetings = DemoDays.Every(6, last, before: 3, after: 2);
        var (thirdLast, secondLast, next, afterNext) = (meetings[1], meetings[2], meetings[4], meetings[5]);

        story.On(meetings[0].AddDays(-14), 10, async () => Done(await work.CreateAsync(admin,
            new CommitteeBody(demo.Id, demo.Name, place, Committee.DefaultResponseMonths, [.. meetings.Select(DemoDays.Text)]), cancellationToken), "committee"));

        story.On(secondLast.AddDays(1), 11, async () =>
        {
            Done(await work.AddTopicAsync(admin, demo.Id, new TopicBody(
                "Hospital discharge and care at home",
                "Why people wait in hospital once they are well enough to leave, and whether the board's discharge commitment is working. " +
                "The trust and the council's adult social care are invited.",
                DemoDays.Text(next), "in_progress",
                Links(Indicator(place, "delayed-discharge-days"), Commitment(board, commitments, DemoCommitmentPlans.HomeFromHospital), new LinkBody("board", board))),
                cancellationToken), "topic 1");
            Done(await work.AddTopicAsync(admin, demo.Id, new TopicBody(
                "Young people not in education, employment or training",
                "What the youth hub has done for 16 and 17 year olds, and who is still not known to any service.",
                DemoDays.Text(afterNext), "planned",
                Links(Indicator(place, "neet-16-17"), Commitment(board, commitments, DemoCommitmentPlans.YoungPeopleInLearningOrWork))),
                cancellationToken), "topic 2");
            topics += 2;
        });

        // Made at the meeting before last but one, accepted a month later, now being put in place.
        story.On(thirdLast, 19, async () =>
        {
            var entry = Done(await register.MakeAsync(admin, demo.Id, new RecommendationBody(
                "Commission enough home care and reablement hours to meet the winter peak, so that no one waits in hospital for a " +
                "package of care, and report the waiting list to this committee each quarter.",
                new AddresseeBody("agency", borough.Council),
                Links(Indicator(place, "delayed-discharge-days"), Commitment(board, commitments, DemoCommitmentPlans.HomeFromHospital)),
                DemoDays.Text(thirdLast), null), cancellationToken), "recommendation to the council");
            made++;
            var id = entry.Recommendation.Id;
            story.On(thirdLast.AddDays(30), 15, async () => Done(await register.RespondAsync(DemoPrincipals.Agency(borough.Council), demo.Id, id,
                new ResponseBody("accepted",
                    "The council agrees. Extra reablement hours are being commissioned from two providers, and the waiting list will be " +
                    "reported to the committee from the next quarter.", DemoDays.Text(today.AddDays(75))), cancellationToken), "response"));
            story.On(today.AddDays(-20), 12, async () => Done(await register.AddUpdateAsync(DemoPrincipals.Agency(borough.Council), demo.Id, id,
                new ImplementationUpdateBody("in_progress",
                    "The first provider has started and the second contract is out to tender. The waiting list is down from 61 to 38 people.",
                    "Adult social care commissioning report to the executive"), cancellationToken), "implementation update"));
        });

        // Made at the meeting before last with four weeks to respond; no response has come.
        story.On(secondLast, 19, async () =>
        {
            Done(await register.MakeAsync(admin, demo.Id, new RecommendationBody(
                "Publish how many people over 65 are admitted as an emergency more than once in 90 days, by neighbourhood, and " +
                "set out what the trust will do with partners to bring it down before the winter.",
                new AddresseeBody("agency", borough.NhsTrust), [Indicator(place, "emergency-admissions-65plus")],
                DemoDays.Text(secondLast), DemoDays.Text(secondLast.AddDays(UrgentResponseDays))), cancellationToken), "recommendation to the trust");
            made++;
        });

        // Made at the last meeting; the board's response is not yet due.
        story.On(last, 19, async () =>
        {
            Done(await register.MakeAsync(admin, demo.Id, new RecommendationBody(
                "The board should agree with the colleges and the jobcentre one list of every 16 and 17 year old whose activity is " +
                "not known, and report at each meeting how many have been found and offered a place.",
                new AddresseeBody("board", board),
                Links(Indicator(place, "neet-16-17"), Commitment(board, commitments, DemoCommitmentPlans.YoungPeopleInLearningOrWork)),
                DemoDays.Text(last), null), cancellationToken), "recommendation to the board");
            made++;
        });

        // A question between meetings, answered; another asked this week, open until the next meeting.
        story.On(secondLast.AddDays(2), 10, async () =>
        {
            var question = Done(await asking.AskAsync(admin, demo.Id, new QuestionBody(
                "How many young people has the youth hub seen since it opened, and how many of them are now in work or training?",
                new AddresseeBody("agency", DemoAgencies.Dwp.Code), DemoDays.Text(secondLast.AddDays(23))), cancellationToken), "question to DWP");
            asked++;
            story.On(secondLast.AddDays(11), 14, async () => Done(await asking.AnswerAsync(DemoPrincipals.Agency(DemoAgencies.Dwp.Code), demo.Id,
                question.Question.Id, new AnswerBody("140 young people since it opened; 52 are in work, an apprenticeship or training, and 31 more are on a course with the hub."),
                cancellationToken), "answer"));
        });
        // A resident's question from the place's page, published by the committee to the trust and answered.
        story.On(secondLast.AddDays(3), 20, async () =>
        {
            var sent = Done(await residents.ReceiveAsync(demo.Id, new ResidentSubmissionBody("question",
                "My mother waited nine days on a ward for a care package after she was well enough to go home. How many people wait more than a week, and what is being done?",
                "Jo", null, place), cancellationToken), "resident's question");
            story.On(secondLast.AddDays(5), 10, async () =>
            {
                var published = Done(await residents.PublishAsync(admin, demo.Id, sent.Id, new SubmissionDecisionBody(
                    new AddresseeBody("agency", borough.NhsTrust), DemoDays.Text(secondLast.AddDays(26))), cancellationToken), "resident's question published");
                asked++;
                story.On(secondLast.AddDays(16), 15, async () => Done(await asking.AnswerAsync(DemoPrincipals.Agency(borough.NhsTrust), demo.Id,
                    published.QuestionId!, new AnswerBody("Last month 38 people waited more than seven days once ready to leave, down from 61 in the spring. " +
                        "Home care is now booked before the day of discharge, and the council has added 20 short-stay places."), cancellationToken), "answer to the resident"));
            });
        });
        story.On(today.AddDays(-3), 10, async () =>
        {
            Done(await asking.AskAsync(admin, demo.Id, new QuestionBody(
                "How many trusted assessor posts are filled today, and when will every medical ward have one?",
                new AddresseeBody("agency", borough.NhsTrust), DemoDays.Text(next)), cancellationToken), "question to the trust");
            asked++;
        });

        await story.RunAsync(clock);
        return new DemoScrutinyCounts(1, topics, made, asked);
    }

    /// <summary>The board's commitments by title: the committee links to what the board has made.</summary>
    private async Task<IReadOnlyDictionary<string, string>> CommitmentIdsAsync(string board) =>
        ((await grains.Grain<IPartnershipBoardGrain>(board).GetBoardAsync(DataView.All))?.Commitments ?? [])
            .ToDictionary(c => c.Commitment.Title, c => c.Commitment.Id, StringComparer.Ordinal);

    private static LinkBody Indicator(string place, string indicator) => new("indicator", $"{place}/{indicator}");

    /// <summary>
    /// A link to the board's commitment of the plan; none when the board does not have it (a board that had records of
    /// its own before the seed ran, so was left as it was).
    /// </summary>
    private static LinkBody? Commitment(string board, IReadOnlyDictionary<string, string> commitments, DemoCommitmentPlan plan) =>
        commitments.TryGetValue(plan.Title, out var id) ? new("commitment", $"{board}/{id}") : null;

    private static List<LinkBody?> Links(params LinkBody?[] links) => [.. links.Where(l => l is not null)];

    /// <summary>The record written; a demo body the committees' rules refuse is a bug in the seed, not something to skip.</summary>
    private static T Done<T>(CommitteeResult<T> result, string what) =>
        result.Outcome == CommitteeOutcome.Done
            ? result.Value!
            : throw new InvalidOperationException($"Demo committee write '{what}' came to {result.Outcome}: " +
                (result.Detail ?? string.Join("; ", result.Problems.Select(p => $"{p.Field} {p.Code}: {p.Message}"))));
}
