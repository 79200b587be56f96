using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.PlainWords;

namespace Scrutiny.Silo.Publication;

/// <summary>
/// One indicator's news in a place's month: the period that became visible to the reader in that month, the plain
/// words for it and the figures they came from, when it became visible (<see cref="VisibleFrom"/>), and whether the
/// public sees it yet (false only in an entitled reader's view, for a period not yet published).
/// </summary>
public sealed record ChangeEntry(
    IndicatorDefinition Indicator, string Period, PlainChange Change, DateTimeOffset VisibleFrom, bool Public)
{
    public string IndicatorCode => Indicator.Code;

    public string Title => Indicator.Title;

    public string Sentence => Change.Text;
}
