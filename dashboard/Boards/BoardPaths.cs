using Scrutiny.Silo.Boards;

namespace Scrutiny.Dashboard.Boards;

/// <summary>The partnership boards' pages, in one place for pages, links and tests.</summary>
public static class BoardPaths
{
    public const string List = "/boards";

    public static string Board(string id) => BoardAddresses.Board(id);

    /// <summary>Everything since the last meeting, live; printable as the board pack.</summary>
    public static string Meeting(string id) => $"{Board(id)}/meeting";

    public static string Pack(string id) => $"{Board(id)}/pack";

    public static string Commitment(string id, string commitment) => BoardAddresses.Commitment(id, commitment);

    public static string TurnTheCurve(string id, string indicator) => $"{Board(id)}/turn-the-curve/{Uri.EscapeDataString(indicator)}";

    // The forms: board members, agencies on the board and administrators (BoardAccess).
    public static string EditDetails(string id) => $"{Board(id)}/details";

    public static string NewCommitment(string id) => $"{Board(id)}/commitments/new";

    public static string EditCommitment(string id, string commitment) => $"{Commitment(id, commitment)}/edit";

    public static string NewMilestone(string id, string commitment) => $"{Commitment(id, commitment)}/milestones/new";

    public static string EditMilestone(string id, string commitment, string milestone) =>
        $"{Commitment(id, commitment)}/milestones/{Uri.EscapeDataString(milestone)}";

    public static string NewUpdate(string id, string commitment) => $"{Commitment(id, commitment)}/updates/new";

    public static string OverrideStatus(string id, string commitment) => $"{Commitment(id, commitment)}/status";

    public static string NewFundEntry(string id) => $"{Board(id)}/fund/new";

    /// <summary>The form where the board states a commitment's cost-benefit case.</summary>
    public static string EditCase(string id, string commitment) => $"{Commitment(id, commitment)}/case";

    public static string Cohort(string id, string cohort) => $"{Board(id)}/cohorts/{Uri.EscapeDataString(cohort)}";

    public static string NewCohort(string id) => $"{Board(id)}/cohorts/new";

    public static string EditCohort(string id, string cohort) => $"{Cohort(id, cohort)}/edit";

    /// <summary>The form where the board states a cohort's cost-benefit case.</summary>
    public static string EditCohortCase(string id, string cohort) => $"{Cohort(id, cohort)}/case";

    /// <summary>A case (a commitment's or a cohort's) as CSV, from the API, in the reader's view as the page is.</summary>
    public static string CaseCsv(string id, string subject) => Case(id, subject, "csv");

    /// <summary>The same case as a workbook: the CSV's rows, and what they are on an "About" sheet.</summary>
    public static string CaseWorkbook(string id, string subject) => Case(id, subject, "xlsx");

    private static string Case(string id, string subject, string format) =>
        $"/api/v1/boards/{Uri.EscapeDataString(id)}/cases/{Uri.EscapeDataString(subject)}?format={format}";

    public static string EditTurnTheCurve(string id, string indicator) => $"{TurnTheCurve(id, indicator)}/edit";
}
