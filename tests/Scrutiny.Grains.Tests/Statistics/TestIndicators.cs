using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Grains.Tests.Statistics;

/// <summary>Indicators that differ only in what the statistics look at: unit and polarity.</summary>
internal static class TestIndicators
{
    public static IndicatorDefinition Of(IndicatorUnit unit, Polarity polarity = Polarity.HigherIsBetter) =>
        new("test", "Test indicator", "test", unit, polarity, Frequency.Annual, CombineMethod.SumNumeratorsAndDenominators);
}
