using Scrutiny.Dashboard.Boards;
using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Boards;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Store;
using Scrutiny.Dashboard.Tests.Infrastructure;

namespace Scrutiny.Dashboard.Tests.Boards.Forms;

/// <summary>
/// <see cref="AdminCatalogue"/> with a second agency on manchester-hwb (the city council, so that a commitment has a
/// contributing agency), a person per role, a member of the other Manchester board and a probation officer, whose
/// agency sits on that board and not on this one.
/// </summary>
public static class BoardFormsCatalogue
{
    public const string Board = "manchester-hwb";
    public const string Council = "MCC";

    public sealed record People(TestPeople.Everyone Everyone, TestPerson OtherBoardMember, TestPerson OffBoardAgency);

    public static async Task<People> SeedAsync(DashboardApp app)
    {
        await AdminCatalogue.SeedAsync(app);
        var writer = app.Get<CatalogueWriter>();
        await writer.UpsertAgenciesAsync([new Agency(Council, "Manchester City Council", "local_government")]);
        await writer.UpsertBoardAsync(new PartnershipBoard(Board, "Manchester Health and Wellbeing Board", TestCatalogue.Manchester, [TestCatalogue.Agency, Council]));
        return new People(await TestPeople.SeedAsync(app),
            await TestPeople.CreateAsync(app, "csp@example.org", "Chris Community Safety", PersonRole.Board("manchester-csp")),
            await TestPeople.CreateAsync(app, "probation@example.org", "Pat Probation", PersonRole.Agency(AdminCatalogue.Probation)));
    }

    /// <summary>A commitment with one milestone, and a cohort it works for, made as the API would make them.</summary>
    public static async Task<Commitment> CommitmentAsync(DashboardApp app)
    {
        var board = (await app.Get<ICatalogue>().FindBoardAsync(Board))!;
        var editor = app.Get<BoardEditor>();
        var made = await editor.CreateCommitmentAsync(board,
            new CommitmentBody("Fewer falls", "Older people live safely at home", [TestCatalogue.Admissions], null, null, TestCatalogue.Agency, []), "test");
        var milestone = await editor.AddMilestoneAsync(board, made.Value!.Id, new MilestoneBody("Falls service opens", "2026-09-30", TestCatalogue.Agency, null), "test");
        Assert.NotNull(milestone.Value);
        var cohort = await editor.CreateCohortAsync(board, new CohortBody("Frail older people", "Older people at risk of falls", "Aged 65 and over with two falls in a year",
            [TestCatalogue.Agency], TestCatalogue.DelayedDays, [TestCatalogue.Admissions], [made.Value.Id]), "test");
        Assert.NotNull(cohort.Value);
        return (await RecordsAsync(app)).Commitments.Single().Commitment;
    }

    public static async Task<BoardView> RecordsAsync(DashboardApp app) =>
        (await app.Get<IGrainFactory>().GetGrain<IPartnershipBoardGrain>(Board).GetBoardAsync(DataView.All))!;

    /// <summary>Every form's address, with the heading it opens with, over <paramref name="commitment"/>.</summary>
    /// <summary>Every form of the board, over the commitment and cohort <see cref="CommitmentAsync"/> made.</summary>
    public static IReadOnlyList<(string Path, string Form, string Heading)> FormsOver(Commitment commitment, string cohort) =>
    [
        (BoardPaths.EditDetails(Board), "board-details", "Chair and meeting dates"),
        (BoardPaths.NewCommitment(Board), "commitment", "Make a commitment"),
        (BoardPaths.EditCommitment(Board, commitment.Id), "commitment", "Change the commitment"),
        (BoardPaths.NewMilestone(Board, commitment.Id), "milestone", "Add a milestone"),
        (BoardPaths.EditMilestone(Board, commitment.Id, commitment.Milestones[0].Id), "milestone", "Change the milestone"),
        (BoardPaths.NewUpdate(Board, commitment.Id), "update", "Add an update"),
        (BoardPaths.OverrideStatus(Board, commitment.Id), "status", "Override the status"),
        (BoardPaths.NewFundEntry(Board), "fund-entry", "Record money in the pooled fund"),
        (BoardPaths.EditTurnTheCurve(Board, TestCatalogue.Admissions), "turn-the-curve", "Turn the Curve"),
        (BoardPaths.EditCase(Board, commitment.Id), "case", "State what it saves"),
        (BoardPaths.NewCohort(Board), "cohort", "Define a cohort"),
        (BoardPaths.EditCohort(Board, cohort), "cohort", "Change the cohort"),
        (BoardPaths.EditCohortCase(Board, cohort), "case", "State what it saves"),
    ];
}
