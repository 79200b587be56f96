using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.People;
using Scrutiny.Grains.Benefits;
using Scrutiny.Silo.Benefits;
using Scrutiny.Silo.Seeding;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Seeding;

public sealed class DemoSeederTests(SeededDemo demo) : IClassFixture<SeededDemo>
{
    private const string Trafford = "E08000009";
    private const string Manchester = "E08000003";
    private const string GreaterManchester = "E47000001";

    [Theory, ClassData(typeof(Engines))]
    public async Task The_demo_holds_back_the_newest_quarter_of_an_official_statistic_until_it_is_released(StoreEngine engine)
    {
        var silo = await demo.SiloAsync(engine);
        var grain = silo.Grains.GetGrain<IIndicatorGrain>(IndicatorKey.For(Manchester, DemoPublication.ReleasedIndicator));

        var everything = (await grain.GetSeriesAsync(DataView.All)).Points.Select(p => p.Period).ToList();
        var published = (await grain.GetSeriesAsync(DataView.Published)).Points.Select(p => p.Period).ToList();

        Assert.True(everything.Count > 4);
        Assert.Equal(everything[..^1], published);
        Assert.Equal(PublicationRule.OnRelease, (await silo.Catalogue.FindScheduleAsync(DemoPublication.ReleasedIndicator))!.Publication);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Trafford_claimant_figures_are_the_published_ones(StoreEngine engine)
    {
        var silo = await demo.SiloAsync(engine);
        var published = PublishedFixture.Rows("claimant_count.csv").Where(r => r[0] == Trafford).ToList();
        var counts = await silo.Grains.GetGrain<IIndicatorGrain>(IndicatorKey.For(Trafford, "claimant-count")).GetSeriesAsync(DataView.All);
        var rates = await silo.Grains.GetGrain<IIndicatorGrain>(IndicatorKey.For(Trafford, "claimant-rate")).GetSeriesAsync(DataView.All);

        // The file's first month: 7,600 claimants, 5.2% of residents aged 16 to 64.
        Assert.Equal(Published("April 2021", "Claimant count"), Point(counts, "2021-04").Value);
        Assert.Equal(Published("April 2021", "Claimants as a proportion of residents aged 16-64"), Point(rates, "2021-04").Value);
        Assert.Equal(published.Count / 2, counts.Points.Count);
        foreach (var row in published)
        {
            var series = row[3] == "Claimant count" ? counts : rates;
            var period = DateTime.ParseExact(row[2], "MMMM yyyy", CultureInfo.InvariantCulture).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            Assert.Equal(double.Parse(row[6], CultureInfo.InvariantCulture), Point(series, period).Value);
            Assert.Equal("DWP", Assert.Single(Point(series, period).Contributions).Agency);
        }

        double Published(string period, string indicator) =>
            double.Parse(published.Single(r => r[2] == period && r[3] == indicator)[6], CultureInfo.InvariantCulture);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Every_Greater_Manchester_borough_has_a_board_of_at_least_four_sectors(StoreEngine engine)
    {
        var silo = await demo.SiloAsync(engine);
        var boroughs = (await silo.Catalogue.ListPlacesAsync()).Where(p => p.ParentCode == GreaterManchester).ToList();
        Assert.Equal(10, boroughs.Count);
        foreach (var borough in boroughs)
        {
            var board = Assert.Single(await silo.Catalogue.ListBoardsAsync(borough.Code));
            var sectors = new HashSet<string>();
            foreach (var member in board.MemberAgencies) sectors.Add((await silo.Catalogue.FindAgencyAsync(member))!.Sector);
            Assert.True(sectors.Count >= 4, $"{borough.Name}'s board has only {string.Join(", ", sectors)}.");
            Assert.Contains("DWP", board.MemberAgencies);
        }
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Every_catalogue_indicator_has_at_least_three_years_of_history_for_Manchester(StoreEngine engine)
    {
        var silo = await demo.SiloAsync(engine);
        var indicators = await silo.Catalogue.ListIndicatorsAsync();
        Assert.Equal(15, indicators.Count);
        // The published claimant count does not cover Manchester, and the demo makes none up.
        Assert.Empty((await silo.Grains.GetGrain<IIndicatorGrain>(IndicatorKey.For(Manchester, "claimant-count")).GetSeriesAsync(DataView.All)).Points);
        foreach (var indicator in indicators.Where(i => !i.Code.StartsWith("claimant-", StringComparison.Ordinal)))
        {
            var series = await silo.Grains.GetGrain<IIndicatorGrain>(IndicatorKey.For(Manchester, indicator.Code)).GetSeriesAsync(DataView.All);
            Assert.True(series.Points.Count >= 4, $"{indicator.Code} has {series.Points.Count} points.");
            var (first, last) = (Period.Parse(series.Points[0].Period), Period.Parse(series.Points[^1].Period));
            Assert.True(first.Start.AddYears(3) <= last.Start, $"{indicator.Code} runs only from {first} to {last}.");
            Assert.True(last.End <= DateOnly.FromDateTime(SeededDemo.Now.UtcDateTime), $"{indicator.Code} has a period not yet over: {last}.");
            Assert.All(series.Points, p => Assert.NotNull(p.Value));
        }
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Every_value_keeps_the_rules_of_its_unit(StoreEngine engine)
    {
        var silo = await demo.SiloAsync(engine);
        await using var connection = await silo.Database.OpenAsync();
        var rows = (await connection.QueryAsync<(string Indicator, string Unit, double Numerator, double? Denominator)>(
            "SELECT l.indicator_code, i.unit, l.numerator, l.denominator FROM returns_ledger l JOIN indicators i ON i.code = l.indicator_code"))
            .ToList();
        Assert.True(rows.Count > 5_000, $"Only {rows.Count} values were seeded.");
        Assert.All(rows, r =>
        {
            Assert.True(double.IsFinite(r.Numerator));
            switch (r.Unit)
            {
                case "count":
                    Assert.True(r.Numerator >= 0 && Math.Floor(r.Numerator) == r.Numerator, $"{r.Indicator}: {r.Numerator} is not a whole count.");
                    Assert.Null(r.Denominator);
                    break;
                case "percentage" or "rate_per_1000" or "rate_per_100000":
                    Assert.True(r.Denominator > 0, $"{r.Indicator}: denominator {r.Denominator}.");
                    Assert.True(r.Numerator >= 0 && Math.Floor(r.Numerator) == r.Numerator, $"{r.Indicator}: numerator {r.Numerator} is not a whole number of people.");
                    if (r.Unit == "percentage") Assert.True(r.Numerator <= r.Denominator, $"{r.Indicator}: {r.Numerator} of {r.Denominator}.");
                    break;
                default:
                    Assert.Null(r.Denominator);
                    break;
            }
        });
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Every_return_comes_from_an_agency_the_validator_would_accept_it_from(StoreEngine engine)
    {
        var silo = await demo.SiloAsync(engine);
        await using var connection = await silo.Database.OpenAsync();
        var sources = (await connection.QueryAsync<(string Place, string Indicator, string Agency)>(
            "SELECT DISTINCT place_code, indicator_code, agency_code FROM returns_ledger")).ToList();
        var boardPlaces = (await silo.Catalogue.ListBoardsAsync()).Select(b => b.PlaceCode).ToHashSet();
        var scopes = new Dictionary<string, AgencyScope>();
        foreach (var agency in sources.Select(s => s.Agency).Distinct()) scopes[agency] = await silo.Catalogue.AgencyScopeAsync(agency);

        // Where a place has a board, its returns pass the validator's partnership and assignment rules; the
        // comparator places and wards have no board, and only DWP (the claimant count) and the national source
        // (England's figures) return for them.
        Assert.All(sources, s =>
        {
            Assert.Contains(s.Indicator, scopes[s.Agency].Indicators);
            if (boardPlaces.Contains(s.Place)) Assert.Contains(s.Place, scopes[s.Agency].Places);
            else Assert.Contains(s.Agency, (string[])["DWP", "OHID"]);
        });
        var indicators = (await silo.Catalogue.ListIndicatorsAsync()).ToDictionary(i => i.Code);
        Assert.All(sources.GroupBy(s => (s.Place, s.Indicator)).Where(g => indicators[g.Key.Indicator].Combine == CombineMethod.SingleSource),
            g => Assert.Single(g));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Trafford_comparator_group_is_its_fifteen_CIPFA_neighbours(StoreEngine engine)
    {
        var silo = await demo.SiloAsync(engine);
        var neighbours = PublishedFixture.Rows("cipfa2021_trafford_neighbours.csv").Select(r => r[0]).Order().ToList();
        await using var connection = await silo.Database.OpenAsync();
        var group = await connection.QuerySingleAsync<(string Name, string Place)>(
            "SELECT name, place_code FROM comparator_groups WHERE id = 'cipfa-trafford'");
        var members = (await connection.QueryAsync<string>(
            "SELECT place_code FROM comparator_group_members WHERE group_id = 'cipfa-trafford'")).Order().ToList();

        Assert.Equal(Trafford, group.Place);
        Assert.Equal(15, members.Count);
        Assert.Equal(neighbours, members);
        Assert.Equal(("Swindon", "unitary_authority", "E92000001"), Describe(await silo.Catalogue.FindPlaceAsync("E06000030")));
        Assert.Equal(("Stockport", "metropolitan_borough", GreaterManchester), Describe(await silo.Catalogue.FindPlaceAsync("E08000007")));
        Assert.Equal(("Altrincham", "ward", Trafford), Describe(await silo.Catalogue.FindPlaceAsync("E05000819")));

        static (string, string, string?) Describe(Place? place) => (place!.Name, place.Type, place.ParentCode);
    }

    private static SeriesPoint Point(IndicatorSeries series, string period) => series.Points.Single(p => p.Period == period);

    [Theory, ClassData(typeof(Engines))]
    public async Task Most_demo_returns_were_sent_on_time_and_a_few_late(StoreEngine engine)
    {
        var silo = await demo.SiloAsync(engine);
        var series = await silo.Grains.GetGrain<IIndicatorGrain>(IndicatorKey.For(Manchester, "emergency-admissions-65plus")).GetSeriesAsync(DataView.All);
        var schedule = new IndicatorSchedule("emergency-admissions-65plus", IndicatorSchedule.DefaultDueDays, null, null);

        var onTime = series.Points.SelectMany(p => p.Contributions.Select(c =>
            schedule.IsOnTime(Period.Parse(p.Period), DateOnly.FromDateTime(c.SubmittedAt.UtcDateTime)))).ToList();

        Assert.InRange(onTime.Count(t => t) / (double)onTime.Count, 0.75, 0.98);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Manchester_and_Trafford_boards_have_commitments_whose_statuses_follow_from_their_milestones(StoreEngine engine)
    {
        var silo = await demo.SiloAsync(engine);
        foreach (var slug in (string[])["manchester", "trafford"])
        {
            var borough = DemoBoroughs.All.Single(b => b.Slug == slug);
            var view = (await silo.Grains.GetGrain<IPartnershipBoardGrain>(DemoBoroughs.BoardId(borough)).GetBoardAsync(DataView.All))!;

            Assert.Equal(DemoCommitmentPlans.All.Select(p => p.Title), view.Commitments.Select(c => c.Commitment.Title));
            foreach (var (commitment, status) in view.Commitments)
            {
                Assert.True(commitment.Baseline!.Date < commitment.Target!.Date);
                Assert.True(commitment.Target.Value < commitment.Baseline.Value, $"{commitment.Title}: every demo headline is lower-is-better.");
                Assert.Contains(commitment.LeadAgency, view.Board.MemberAgencies);
                Assert.NotEmpty(commitment.ContributingAgencies);
                Assert.All(commitment.ContributingAgencies, a => Assert.Contains(a, view.Board.MemberAgencies));
                var states = commitment.Milestones.Select(m => MilestoneStates.Of(m.Due, m.CompletedOn, view.Today)).ToList();
                Assert.Contains(MilestoneState.Done, states);
                Assert.Contains(MilestoneState.Pending, states);
                Assert.All(commitment.Updates, u => Assert.False(string.IsNullOrEmpty(u.Evidence)));
                Assert.Single(commitment.Updates);
                Assert.Equal(DemoSeeder.SubmittedBy, commitment.CreatedBy);
                // The history ends at the status the board sees: the seed recorded it, nothing is left to move.
                Assert.Equal(status.Status, commitment.Recorded!.Status);
            }

            var (home, _, work) = (view.Commitments[0], view.Commitments[1], view.Commitments[2]);
            // A milestone more than four weeks late puts the discharge commitment off track, whatever its figures say.
            Assert.Equal(CommitmentStatus.OffTrack, home.Status.Status);
            Assert.Contains(home.Status.Reasons, r => r.Code == StatusReasons.MilestoneMissed);
            Assert.Contains(MilestoneState.Overdue, work.Commitment.Milestones.Select(m => MilestoneStates.Of(m.Due, m.CompletedOn, view.Today)));
            Assert.NotEqual(CommitmentStatus.OnTrack, work.Status.Status);
            // Every status a scorecard uses but done, which no commitment reaches in its first two years.
            Assert.Equal([CommitmentStatus.OnTrack, CommitmentStatus.AtRisk, CommitmentStatus.OffTrack],
                view.Commitments.Select(c => c.Status.Status).Distinct().Order());

            // The board's last meeting has the missed milestone to discuss.
            var since = view.Board.MeetingDates.Last(d => d < view.Today);
            var changes = (await silo.Grains.GetGrain<IPartnershipBoardGrain>(view.Board.Id).GetChangesSinceAsync(since, DataView.All))!;
            Assert.Contains(changes.MissedMilestones, m => m.Commitment.Id == home.Commitment.Id);
            if (slug == "manchester")
            {
                // Made on track, it has since slipped: the meeting view shows the move.
                Assert.Equal(CommitmentStatus.OnTrack, home.Commitment.History[0].Status);
                Assert.Contains(changes.StatusMoves, m => m.Commitment.Id == home.Commitment.Id && m.Now.Status == CommitmentStatus.OffTrack);
            }
            Assert.Contains(view.Board.MeetingDates, d => d > view.Today);
            Assert.NotNull(view.Board.Chair);
        }
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Every_board_has_a_pooled_fund_for_the_three_years_since_its_commitments_paid_in_by_every_member_and_spent_on_them(StoreEngine engine)
    {
        var silo = await demo.SiloAsync(engine);
        var today = DateOnly.FromDateTime(SeededDemo.Now.UtcDateTime);
        foreach (var borough in DemoBoroughs.All)
        {
            var view = (await silo.Grains.GetGrain<IPartnershipBoardGrain>(DemoBoroughs.BoardId(borough)).GetBoardAsync(DataView.All))!;
            Assert.Equal([FinancialYear.Of(today.AddYears(-2)), FinancialYear.Of(today.AddYears(-1)), FinancialYear.Of(today)], view.Budget.Select(y => y.FinancialYear));
            foreach (var year in view.Budget)
            {
                Assert.Equal(view.Board.MemberAgencies.Order(), year.ContributedByAgency.Keys.Order());
                Assert.Equal(year.ContributedPence, year.ContributedByAgency.Values.Sum());
                Assert.Equal(view.Commitments.Select(c => c.Commitment.Id).Order(), year.SpentByCommitment.Keys.Order());
                Assert.True(year.SpentPence > 0 && year.BalancePence > 0, $"{borough.Slug} {year.FinancialYear}: spent {year.SpentPence} of {year.ContributedPence}.");
            }
            // Past years' funds were nearly all spent; this year's (four and a half months in) about a third.
            Assert.InRange(view.Budget[0].SpentPence / (double)view.Budget[0].ContributedPence, 0.8, 0.95);
            Assert.InRange(view.Budget[1].SpentPence / (double)view.Budget[1].ContributedPence, 0.8, 0.95);
            Assert.InRange(view.Budget[2].SpentPence / (double)view.Budget[2].ContributedPence, 0.25, 0.45);
            // About £2.80 a resident a year.
            Assert.InRange(view.Budget[0].ContributedPence / 100.0 / borough.Population, 2.5, 3.1);
            Assert.All(view.Fund, f => Assert.True(f.On <= today && f.AmountPence % 100 == 0));
        }
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Every_board_has_a_turn_the_curve_plan_with_an_idea_that_costs_nothing(StoreEngine engine)
    {
        var silo = await demo.SiloAsync(engine);
        var view = (await silo.Grains.GetGrain<IPartnershipBoardGrain>(DemoBoroughs.BoardId(DemoCommittees.Manchester.Borough)).GetBoardAsync(DataView.All))!;

        var plan = Assert.Single(view.Plans);
        Assert.Equal("delayed-discharge-days", plan.Indicator);
        Assert.Contains("Manchester", plan.Story);
        Assert.Contains(plan.WhatWorks, w => w.Cost == IdeaCost.NoCost);
        Assert.Equal(["MFT", "MCC", "MACC"], plan.Partners.Select(p => p.Agency));
        // Its action plan: the commitment measured by the indicator.
        Assert.Contains(view.Commitments, c => c.Commitment.Indicators.Contains(plan.Indicator));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task The_demo_scrutiny_member_sits_on_a_committee_with_a_work_programme_recommendations_at_every_stage_and_questions(StoreEngine engine)
    {
        var silo = await demo.SiloAsync(engine);
        var services = silo.Services;
        var member = (await services.GetRequiredService<PeopleStore>().ListAsync())
            .Single(p => p.Roles.Any(r => r.Kind == PersonRole.ScrutinyMember));
        var committeeId = member.Roles.Single().Scope;
        var committee = await services.GetRequiredService<CommitteeStore>().FindAsync(committeeId);

        Assert.NotNull(committee);
        Assert.Equal(Manchester, committee.PlaceCode);
        var today = DateOnly.FromDateTime(SeededDemo.Now.UtcDateTime);
        Assert.Contains(committee.Meetings, d => d < today);
        Assert.Contains(committee.Meetings, d => d > today);

        var topics = await services.GetRequiredService<CommitteeStore>().ListTopicsAsync(committeeId);
        Assert.Equal(2, topics.Count);
        Assert.Equal([LinkKind.Indicator, LinkKind.Commitment, LinkKind.Board], topics.SelectMany(t => t.Links).Select(l => l.Kind).Distinct().Order());
        var board = (await silo.Grains.GetGrain<IPartnershipBoardGrain>(DemoBoroughs.BoardId(DemoCommittees.Manchester.Borough)).GetBoardAsync(DataView.All))!;
        Assert.All(topics.SelectMany(t => t.Links).Where(l => l.Kind == LinkKind.Commitment),
            l => Assert.Contains(l.Reference, board.Commitments.Select(c => $"{board.Board.Id}/{c.Commitment.Id}")));

        var register = await services.GetRequiredService<RecommendationRegister>().ListAsync(new RecommendationScope(CommitteeId: committeeId));
        Assert.Equal(
            [RecommendationState.AwaitingResponse, RecommendationState.ResponseOverdue, RecommendationState.InProgress],
            register.Select(e => e.State).Order());
        Assert.Equal(AddresseeKind.Board, register.Single(e => e.State == RecommendationState.AwaitingResponse).Recommendation.Addressee.Kind);
        Assert.Equal(new Addressee(AddresseeKind.Agency, "MFT"), register.Single(e => e.Overdue).Recommendation.Addressee);
        var inProgress = register.Single(e => e.State == RecommendationState.InProgress).Recommendation;
        Assert.Equal(new Addressee(AddresseeKind.Agency, "MCC"), inProgress.Addressee);
        Assert.Equal(ResponseDecision.Accepted, inProgress.Response!.Decision);
        Assert.True(inProgress.MadeOn < DateOnly.FromDateTime(inProgress.Response.At.UtcDateTime));
        Assert.All(register, e => Assert.NotEmpty(e.Recommendation.Evidence));

        var questions = await services.GetRequiredService<CommitteeQuestions>().ListAsync(committeeId);
        Assert.Equal([QuestionState.Open, QuestionState.Answered, QuestionState.Answered], questions.Select(q => q.State).Order());
        // One of them a resident's, published from the committee's queue.
        Assert.Equal("Jo", Assert.Single(questions, q => q.Question.Resident is not null).Question.Resident!.Name);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task The_story_is_written_as_the_API_writes_it_audited_as_the_seed_and_dated_in_the_past(StoreEngine engine)
    {
        var silo = await demo.SiloAsync(engine);
        await using var connection = await silo.Database.OpenAsync();
        var audit = (await connection.QueryAsync<(string Action, object At)>(
                "SELECT action, at FROM audit_log WHERE actor = @actor", new { actor = DemoSeeder.SubmittedBy }))
            .Select(a => (a.Action, At: SqlDialect.ReadTimestamp(a.At))).ToList();

        Assert.Superset(new HashSet<string>
        {
            BoardActions.CommitmentCreated, BoardActions.MilestoneAdded, BoardActions.MilestoneUpdated, BoardActions.UpdateAdded,
            BoardActions.FundContribution, BoardActions.FundSpend, BoardActions.TurnTheCurveSet, BoardActions.DetailsSet,
            CommitteeActions.Created, CommitteeActions.TopicAdded, CommitteeActions.RecommendationMade, CommitteeActions.RecommendationResponded,
            CommitteeActions.RecommendationUpdateAdded, CommitteeActions.QuestionAsked, CommitteeActions.QuestionAnswered,
        }, audit.Select(a => a.Action).ToHashSet());
        // Spread over the past as a real board's records are, not all at the moment of seeding; never after it.
        Assert.All(audit, a => Assert.True(a.At <= SeededDemo.Now));
        Assert.Contains(audit, a => a.At < SeededDemo.Now.AddYears(-1));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Two_boards_state_the_same_case_one_pays_back_in_its_third_year_the_other_never(StoreEngine engine)
    {
        var silo = await demo.SiloAsync(engine);
        var today = DateOnly.FromDateTime(SeededDemo.Now.UtcDateTime);
        var reader = silo.Services.GetRequiredService<CaseReader>();
        var results = new Dictionary<string, CaseAppraisal>();
        foreach (var borough in DemoBoroughs.All)
        {
            var view = (await silo.Grains.GetGrain<IPartnershipBoardGrain>(DemoBoroughs.BoardId(borough)).GetBoardAsync(DataView.Published))!;
            var cases = await reader.ForAllAsync(view, DataView.Published);
            Assert.Equal(DemoCases.Effects.ContainsKey(borough.Slug) ? 1 : 0, cases.Count);
            if (cases.Count == 1) results[borough.Slug] = cases[0];
        }

        var (works, fails) = (results["manchester"], results["bolton"]);
        Assert.All(results.Values, a => Assert.Empty(a.Problems));
        Assert.All(results.Values, a => Assert.True(a.Illustrative));
        // Three financial years: the one the work started in, the next, and this one so far.
        Assert.Equal([FinancialYear.Of(today.AddYears(-2)), FinancialYear.Of(today.AddYears(-1)), FinancialYear.Of(today)],
            works.Result!.Periods.Select(p => p.Period));
        Assert.True(works.Result.PresentBenefitPence > works.Result.PresentCostPence,
            $"Manchester: benefit {works.Result.PresentBenefitPence}, cost {works.Result.PresentCostPence}");
        // Not paid back after two years: the first built the pathway.
        Assert.True(works.Result.Periods.Take(2).Sum(p => (p.Benefit - p.Cost) * p.DiscountFactor) < 0);
        Assert.Equal(FinancialYear.Of(today), works.Result.PaysBackIn);
        Assert.Null(fails.Result!.PaysBackIn);
        Assert.True(fails.Result.NetPresentValuePence < 0);
        // Each of the two boards has its cohort of people ready to leave hospital, for the commitment the case is of.
        foreach (var slug in DemoCases.Effects.Keys)
        {
            var view = (await silo.Grains.GetGrain<IPartnershipBoardGrain>(DemoBoroughs.BoardId(DemoBoroughs.All.Single(b => b.Slug == slug))).GetBoardAsync(DataView.Published))!;
            var cohort = Assert.Single(view.Cohorts);
            Assert.Equal([results[slug].Subject.Id], cohort.Commitments);
            var size = await silo.Grains.GetGrain<IIndicatorGrain>(IndicatorKey.For(view.Board.PlaceCode, cohort.SizeIndicator)).GetSeriesAsync(DataView.Published);
            Assert.True(size.Points.Count >= 36);
        }
        // The NHS bears the bed days, so gains the savings; the council paid into the pool and gains nothing from this case.
        Assert.True(works.Flows.Single(f => f.Sector == "health").GainsPence > 0);
        Assert.True(works.Flows.Single(f => f.Sector == "local_government") is { GainsPence: 0, PaidTowardsCasePence: > 0 });
    }
}
