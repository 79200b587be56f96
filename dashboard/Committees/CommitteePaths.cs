using Scrutiny.Silo.Committees;

namespace Scrutiny.Dashboard.Committees;

/// <summary>
/// The committees' pages beyond those notifications link to (<see cref="CommitteeAddresses"/>, which these build on),
/// in one place for pages, links and tests.
/// </summary>
public static class CommitteePaths
{
    public const string List = "/committees";

    /// <summary>What is due or overdue for the signed-in person, and their notifications.</summary>
    public const string Inbox = "/inbox";

    public static string Committee(string id) => CommitteeAddresses.Committee(id);

    /// <summary>The register as CSV, filtered as the committee page's query (<c>?state=&amp;addressee=&amp;overdue=</c>).</summary>
    public static string RegisterCsv(string id) => $"{Committee(id)}/recommendations.csv";

    public static string RegisterWorkbook(string id) => Silo.Tables.TableRoutes.Workbook(RegisterCsv(id));

    // The committee's own forms: its members and administrators (CommitteeAccess.MayWork).
    public static string NewMeeting(string id) => $"{Committee(id)}/meetings/new";

    public static string MoveMeeting(string id, string meeting) => $"{Committee(id)}/meetings/{Uri.EscapeDataString(meeting)}/move";

    public static string NewTopic(string id) => $"{Committee(id)}/topics/new";

    public static string EditTopic(string id, string topic) => $"{Committee(id)}/topics/{Uri.EscapeDataString(topic)}";

    public static string NewQuestion(string id) => $"{Committee(id)}/questions/new";

    // Residents' questions and suggestions: the form and what follows it are anyone's; the queue is the committee's.
    public static string Ask(string id, string? placeCode = null) => CommitteeAddresses.Ask(id, placeCode);

    /// <summary>The confirmation after sending, with the reference (it reads nothing stored: a honeypot's answer looks the same).</summary>
    public static string AskReceived(string id, string reference) => $"{Committee(id)}/ask/received/{Uri.EscapeDataString(reference)}";

    public static string Asked(string id, string reference) => CommitteeAddresses.Asked(id, reference);

    public static string Submissions(string id) => CommitteeAddresses.Submissions(id);

    public static string Submission(string id, string submission) => CommitteeAddresses.Submission(id, submission);
}
