using System.Net;
using Scrutiny.Dashboard.Boards;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Audit;
using static Scrutiny.Dashboard.Tests.Boards.Forms.BoardFormsCatalogue;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Boards.Forms;

/// <summary>
/// The board's forms as a browser without JavaScript posts them: a board member's work lands in the board's grain,
/// audited as theirs; anyone BoardAccess refuses gets 403 and changes nothing.
/// </summary>
public sealed class BoardFormsTests
{
    [Fact]
    public async Task A_board_member_makes_a_commitment_with_two_milestones_an_update_an_override_and_fund_entries_each_audited_as_them()
    {
        await using var app = await DashboardApp.StartAsync();
        var people = await BoardFormsCatalogue.SeedAsync(app);
        var member = people.Everyone.BoardMember;
        using var client = new FormClient(app);
        await client.SignInAsync(member.Email, member.Password);

        var made = await client.PostFormAsync(BoardPaths.NewCommitment(Board), "commitment",
            ("title", "Fewer falls among older people"), ("result", "Older people live safely at home"),
            ("indicators-0", Admissions), ("indicators-1", ""), ("indicators-2", DelayedDays),
            ("baseline-value", "1,750.5"), ("baseline-date", "2026-01-31"), ("target-value", "1500"), ("target-date", "2027-03-31"),
            ("leadAgency", Agency), ("contributingAgencies", Council));

        Assert.Equal(HttpStatusCode.SeeOther, made.StatusCode);
        var commitment = Assert.Single((await RecordsAsync(app)).Commitments).Commitment;
        Assert.Equal(BoardPaths.Commitment(Board, commitment.Id), made.Headers.Location?.AbsolutePath);
        Assert.Equal(("Fewer falls among older people", "Older people live safely at home", Agency), (commitment.Title, commitment.Result, commitment.LeadAgency));
        Assert.Equal([Admissions, DelayedDays], commitment.Indicators);
        Assert.Equal([Council], commitment.ContributingAgencies);
        Assert.Equal(new Measure(1750.5, new DateOnly(2026, 1, 31)), commitment.Baseline);
        Assert.Equal(new Measure(1500, new DateOnly(2027, 3, 31)), commitment.Target);
        Assert.Equal(member.Person.Actor, commitment.CreatedBy);

        foreach (var (title, due, owner) in new[] { ("Falls service opens", "2026-06-30", Agency), ("Home checks for every over-80", "2030-12-31", Council) })
        {
            var added = await client.PostFormAsync(BoardPaths.NewMilestone(Board, commitment.Id), "milestone", ("title", title), ("due", due), ("owner", owner), ("completedOn", ""));
            Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
            Assert.Equal(BoardPaths.Commitment(Board, commitment.Id), added.Headers.Location?.AbsolutePath);
        }
        var milestones = (await RecordsAsync(app)).Commitments.Single().Commitment.Milestones;
        Assert.Equal(["Falls service opens", "Home checks for every over-80"], milestones.Select(m => m.Title));

        // The first is marked done by its form; the form opens with what is stored.
        var edit = BoardPaths.EditMilestone(Board, commitment.Id, milestones[0].Id);
        Assert.Contains("value=\"2026-06-30\"", await (await client.GetAsync(edit)).Content.ReadAsStringAsync());
        var done = await client.PostFormAsync(edit, "milestone", ("title", "Falls service opens"), ("due", "2026-06-30"), ("owner", Agency), ("completedOn", "2026-06-20"));
        Assert.Equal(HttpStatusCode.SeeOther, done.StatusCode);

        var update = await client.PostFormAsync(BoardPaths.NewUpdate(Board, commitment.Id), "update",
            ("text", "The falls service took its first referrals."), ("evidence", "https://www.example.org/falls.pdf"));
        Assert.Equal(HttpStatusCode.SeeOther, update.StatusCode);

        // The derived status is shown beside the override.
        var statusPage = await (await client.GetAsync(BoardPaths.OverrideStatus(Board, commitment.Id))).Content.ReadAsStringAsync();
        Assert.Contains("data-derived-status=\"on_track\"", statusPage);
        var overridden = await client.PostFormAsync(BoardPaths.OverrideStatus(Board, commitment.Id), "status",
            ("status", "at_risk"), ("reason", "The home checks depend on recruiting two officers."));
        Assert.Equal(HttpStatusCode.SeeOther, overridden.StatusCode);

        var contribution = await client.PostFormAsync(BoardPaths.NewFundEntry(Board), "fund-entry",
            ("kind", "contribution"), ("on", "2026-04-01"), ("amount", "£25,000.00"), ("agency", Council), ("commitment", ""), ("note", "Better Care Fund"));
        var spend = await client.PostFormAsync(BoardPaths.NewFundEntry(Board), "fund-entry",
            ("kind", "spend"), ("on", "2027-03-31"), ("amount", "1250.55"), ("agency", Agency), ("commitment", commitment.Id), ("note", ""));
        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther], new[] { contribution.StatusCode, spend.StatusCode });
        Assert.Equal(BoardPaths.Board(Board), spend.Headers.Location?.AbsolutePath);

        var curve = await client.PostFormAsync(BoardPaths.EditTurnTheCurve(Board, Admissions), "turn-the-curve",
            ("story", "Admissions rise each winter as falls rise."),
            ("partners-0-agency", AdminCatalogue.Probation), ("partners-0-role", "Checks homes on visits"), ("partners-1-agency", ""), ("partners-1-role", ""),
            ("whatWorks-0-idea", "Strength and balance classes"), ("whatWorks-0-cost", "funded"),
            ("whatWorks-1-idea", "Ask about falls at every visit"), ("whatWorks-1-cost", "no_cost"));
        Assert.Equal(HttpStatusCode.SeeOther, curve.StatusCode);
        Assert.Equal(BoardPaths.TurnTheCurve(Board, Admissions), curve.Headers.Location?.AbsolutePath);

        var details = await client.PostFormAsync(BoardPaths.EditDetails(Board), "board-details",
            ("chair", "Cllr Jane Smith"), ("meetings-0", "2026-09-30"), ("meetings-1", ""), ("meetings-2", "2026-06-30"));
        Assert.Equal(HttpStatusCode.SeeOther, details.StatusCode);

        var records = await RecordsAsync(app);
        var stored = records.Commitments.Single();
        Assert.Equal(new DateOnly(2026, 6, 20), stored.Commitment.Milestones[0].CompletedOn);
        Assert.Null(stored.Commitment.Milestones[1].CompletedOn);
        var note = Assert.Single(stored.Commitment.Updates);
        Assert.Equal(("The falls service took its first referrals.", "https://www.example.org/falls.pdf", member.Person.Actor), (note.Text, note.Evidence, note.By));
        Assert.Equal((CommitmentStatus.AtRisk, CommitmentStatus.OnTrack), (stored.Status.Status, stored.Status.Derived));
        Assert.Equal("The home checks depend on recruiting two officers.", stored.Status.Override?.Reason);
        Assert.Equal([(FundEntryKind.Contribution, 2_500_000L, Council, (string?)null, "2026/27"), (FundEntryKind.Spend, 125_055L, Agency, commitment.Id, "2026/27")],
            records.Fund.Select(e => (e.Kind, e.AmountPence, e.Agency, e.Commitment, e.FinancialYear)));
        var plan = Assert.Single(records.Plans);
        Assert.Equal([new CurvePartner(AdminCatalogue.Probation, "Checks homes on visits")], plan.Partners);
        Assert.Equal([IdeaCost.Funded, IdeaCost.NoCost], plan.WhatWorks.Select(w => w.Cost));
        Assert.Equal("Cllr Jane Smith", records.Board.Chair);
        Assert.Equal([new DateOnly(2026, 6, 30), new DateOnly(2026, 9, 30)], records.Board.MeetingDates);

        var audit = await app.Get<AuditSearch>().AllAsync(new AuditFilter(Actor: member.Person.Actor));
        Assert.Equal(
            [BoardActions.CommitmentCreated, BoardActions.MilestoneAdded, BoardActions.MilestoneAdded, BoardActions.MilestoneUpdated, BoardActions.UpdateAdded,
             BoardActions.StatusOverridden, BoardActions.FundContribution, BoardActions.FundSpend, BoardActions.TurnTheCurveSet, BoardActions.DetailsSet],
            audit.Where(a => a.Action != "person_signed_in").Reverse().Select(a => a.Action));
    }

    [Fact]
    public async Task Bad_input_is_named_field_by_field_keeps_what_was_typed_and_writes_nothing()
    {
        await using var app = await DashboardApp.StartAsync();
        var people = await BoardFormsCatalogue.SeedAsync(app);
        var commitment = await CommitmentAsync(app);
        using var client = new FormClient(app);
        await client.SignInAsync(people.Everyone.BoardMember.Email, people.Everyone.BoardMember.Password);
        var before = await app.Get<AuditSearch>().AllAsync(AuditFilter.Everything);

        var badCommitment = await Html(await client.PostFormAsync(BoardPaths.NewCommitment(Board), "commitment",
            ("title", "Fewer falls"), ("result", ""), ("indicators-0", Admissions), ("indicators-1", Admissions),
            ("baseline-value", "lots"), ("baseline-date", "2026-01-31"), ("target-value", "1500"), ("target-date", "2025-03-31"),
            ("leadAgency", AdminCatalogue.Probation), ("contributingAgencies", Council)));
        Assert.Equal(
            ["#result", "#indicators-1", "#baseline-value", "#target-date", "#leadAgency"],
            Links(badCommitment));
        Assert.Contains("Enter the population result", badCommitment);
        Assert.Contains("Baseline&#x27;s value must be a number", badCommitment.Replace("The baseline", "Baseline", StringComparison.Ordinal));
        Assert.Contains("value=\"Fewer falls\"", badCommitment);
        Assert.Contains("value=\"lots\"", badCommitment);

        var badMilestone = await Html(await client.PostFormAsync(BoardPaths.NewMilestone(Board, commitment.Id), "milestone",
            ("title", ""), ("due", "30/09/2026"), ("owner", ""), ("completedOn", "")));
        Assert.Equal(["#title", "#due", "#owner"], Links(badMilestone));
        Assert.Contains("The due date must be a real date, written like 2026-09-30", badMilestone);

        var badOverride = await Html(await client.PostFormAsync(BoardPaths.OverrideStatus(Board, commitment.Id), "status", ("reason", "")));
        Assert.Equal(["#status", "#reason"], Links(badOverride));

        var badFund = await Html(await client.PostFormAsync(BoardPaths.NewFundEntry(Board), "fund-entry",
            ("kind", "contribution"), ("on", "2026-04-01"), ("amount", "12.345"), ("agency", Agency), ("commitment", commitment.Id), ("note", "")));
        Assert.Equal(["#amount", "#commitment"], Links(badFund));
        Assert.Contains("Enter the amount in pounds and pence, such as 1250.50", badFund);
        Assert.Contains("value=\"12.345\"", badFund);

        var badCurve = await Html(await client.PostFormAsync(BoardPaths.EditTurnTheCurve(Board, Admissions), "turn-the-curve",
            ("story", "Winter."), ("partners-0-agency", Agency), ("partners-0-role", ""), ("whatWorks-0-idea", "A new ward"), ("whatWorks-0-cost", "funded")));
        Assert.Equal(["#partners-0-role", "#whatWorks-0-cost"], Links(badCurve));
        Assert.Contains("Give at least one idea of what works that costs nothing or little", badCurve);

        var badDetails = await Html(await client.PostFormAsync(BoardPaths.EditDetails(Board), "board-details",
            ("chair", ""), ("meetings-0", "2026-09-30"), ("meetings-1", "2026-09-30"), ("meetings-2", "soon")));
        Assert.Equal(["#meetings-1", "#meetings-2"], Links(badDetails));

        var records = await RecordsAsync(app);
        Assert.Single(records.Commitments);
        Assert.Single(records.Commitments[0].Commitment.Milestones);
        Assert.Null(records.Commitments[0].Status.Override);
        Assert.Empty(records.Fund);
        Assert.Empty(records.Plans);
        Assert.Empty(records.Board.MeetingDates);
        Assert.Equal(before.Count, (await app.Get<AuditSearch>().AllAsync(AuditFilter.Everything)).Count);
    }

    [Fact]
    public async Task Anyone_the_board_does_not_let_in_gets_403_from_every_form_and_changes_nothing()
    {
        await using var app = await DashboardApp.StartAsync();
        var people = await BoardFormsCatalogue.SeedAsync(app);
        var commitment = await CommitmentAsync(app);
        var forms = BoardFormsCatalogue.FormsOver(commitment, (await RecordsAsync(app)).Cohorts.Single().Id);
        var before = await app.Get<AuditSearch>().AllAsync(AuditFilter.Everything);

        foreach (var person in new[] { people.Everyone.ScrutinyMember, people.OtherBoardMember, people.OffBoardAgency })
        {
            using var client = new FormClient(app);
            await client.SignInAsync(person.Email, person.Password);
            foreach (var (path, form, _) in forms)
            {
                using var opened = await client.GetAsync(path);
                Assert.True(opened.StatusCode == HttpStatusCode.Forbidden, $"GET {path} as {person.Email}: {(int)opened.StatusCode}");
                Assert.Contains("You cannot change this board", await opened.Content.ReadAsStringAsync());
                // A valid token from a page they may open: the post reaches the page, which refuses it.
                using var posted = await client.PostFormWithTokenFromAsync("/panels/new", path, form,
                    ("title", "Forged"), ("result", "Forged"), ("indicators-0", Admissions), ("leadAgency", Agency), ("due", "2026-01-01"), ("owner", Agency),
                    ("text", "Forged"), ("status", "done"), ("reason", "Forged"), ("kind", "contribution"), ("on", "2026-04-01"), ("amount", "1"),
                    ("agency", Agency), ("story", "Forged"), ("whatWorks-0-idea", "Forged"), ("whatWorks-0-cost", "no_cost"), ("chair", "Forged"));
                Assert.True(posted.StatusCode == HttpStatusCode.Forbidden, $"POST {path} as {person.Email}: {(int)posted.StatusCode}");
                Assert.Contains("Manchester Health and Wellbeing Board", await posted.Content.ReadAsStringAsync());
            }
        }

        // An agency on the board works on its records, but the chair and meetings are its members' (and administrators').
        using var submitter = new FormClient(app);
        await submitter.SignInAsync(people.Everyone.Submitter.Email, people.Everyone.Submitter.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await submitter.GetAsync(BoardPaths.EditDetails(Board))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await submitter.GetAsync(BoardPaths.NewCommitment(Board))).StatusCode);
        using var anonymous = new FormClient(app);
        var signIn = await anonymous.GetAsync(BoardPaths.NewCommitment(Board));
        Assert.Contains("/sign-in", signIn.Headers.Location?.AbsolutePath);

        var records = await RecordsAsync(app);
        Assert.Equal(commitment, records.Commitments.Single().Commitment);
        Assert.Empty(records.Fund);
        Assert.Empty(records.Plans);
        Assert.Null(records.Board.Chair);
        var after = await app.Get<AuditSearch>().AllAsync(AuditFilter.Everything);
        Assert.DoesNotContain(after, a => a.Actor != "test" && (a.Action.StartsWith("commitment", StringComparison.Ordinal)
            || a.Action.StartsWith("pooled", StringComparison.Ordinal)
            || a.Action is BoardActions.MilestoneAdded or BoardActions.MilestoneUpdated or BoardActions.TurnTheCurveSet or BoardActions.DetailsSet));
        Assert.Equal(before.Count(a => a.Actor == "test"), after.Count(a => a.Actor == "test"));
    }

    private static async Task<string> Html(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The error summary's links, in order.</summary>
    private static string[] Links(string html)
    {
        var summary = html[html.IndexOf("govuk-error-summary__list", StringComparison.Ordinal)..];
        summary = summary[..summary.IndexOf("</ul>", StringComparison.Ordinal)];
        return [.. System.Text.RegularExpressions.Regex.Matches(summary, "href=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];
    }
}
