using Scrutiny.Grains.Boards;

namespace Scrutiny.Dashboard.Presentation;

/// <summary>
/// How a commitment's status and a milestone's state show: words always, in a GOV.UK tag colour as a second signal
/// (green on track, yellow at risk, red off track, blue done), the API's name beside them in a data attribute.
/// </summary>
public static class BoardTags
{
    public static (string Text, string Colour) For(CommitmentStatus status) => status switch
    {
        CommitmentStatus.OnTrack => ("On track", "green"),
        CommitmentStatus.AtRisk => ("At risk", "yellow"),
        CommitmentStatus.OffTrack => ("Off track", "red"),
        _ => ("Done", "blue"),
    };

    public static (string Text, string Colour) For(MilestoneState state) => state switch
    {
        MilestoneState.Pending => ("Not yet due", "grey"),
        MilestoneState.Overdue => ("Overdue", "yellow"),
        MilestoneState.Missed => ("Missed", "red"),
        _ => ("Done", "blue"),
    };

    public static (string Text, string Colour) For(IdeaCost cost) => cost switch
    {
        IdeaCost.NoCost => ("No cost", "green"),
        IdeaCost.LowCost => ("Low cost", "turquoise"),
        _ => ("Needs funding", "grey"),
    };
}
