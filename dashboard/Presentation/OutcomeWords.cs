using Scrutiny.Silo.Scorecards;

namespace Scrutiny.Dashboard.Presentation;

/// <summary>
/// What an indicator's SPC variation means, said plainly for residents ("getting better", "a concern"), with the
/// same tag colours as the statistics pages' words (blue improving, orange concern, purple unusual, grey no change).
/// The variation group is the scorecard's, so the plain words and the statistics never disagree.
/// </summary>
public static class OutcomeWords
{
    public static (string Text, string Colour) For(VariationGroup? group) => group switch
    {
        VariationGroup.Improving => ("Getting better", "blue"),
        VariationGroup.Concern => ("Getting worse: a concern", "orange"),
        VariationGroup.Unusual => ("An unusual change", "purple"),
        VariationGroup.NoSignificantChange => ("No real change", "grey"),
        _ => ("Too few figures to tell yet", "grey"),
    };
}
