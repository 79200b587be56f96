using Scrutiny.Silo.Schedule;

namespace Scrutiny.Dashboard.Presentation;

/// <summary>How a return's status shows: a word always, and a GOV.UK tag colour to go with it.</summary>
public static class ReturnStatusTags
{
    public static (string Text, string Colour) For(ReturnStatus status) => status switch
    {
        ReturnStatus.Due => ("Due", "blue"),
        ReturnStatus.Overdue => ("Overdue", "red"),
        ReturnStatus.Submitted => ("Submitted", "green"),
        ReturnStatus.SubmittedLate => ("Submitted late", "orange"),
        ReturnStatus.Revised => ("Revised", "purple"),
        _ => (Labels.Humanise(status.ToString()), "grey"),
    };
}
