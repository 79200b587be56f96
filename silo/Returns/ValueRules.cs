using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Returns;

/// <summary>What a value must be, by the indicator's unit.</summary>
public static class ValueRules
{
    public static void Check(IndicatorDefinition indicator, double? numerator, double? denominator, Action<string, string, string> problem)
    {
        if (numerator is null) { problem("numerator", "required", "A numerator is required."); return; }
        if (!double.IsFinite(numerator.Value)) { problem("numerator", "not_finite", "The numerator must be a finite number."); return; }
        if (denominator is { } d && !double.IsFinite(d)) { problem("denominator", "not_finite", "The denominator must be a finite number."); return; }

        // Named only in a problem's message: most rows have none, and the name is made afresh each time.
        string Unit() => CatalogueNames.Name(indicator.Unit);
        switch (indicator.Unit)
        {
            case IndicatorUnit.Count:
                if (numerator < 0 || Math.Floor(numerator.Value) != numerator)
                    problem("numerator", "not_whole", $"A {Unit()} must be a whole number of 0 or more.");
                break;
            case IndicatorUnit.Percentage or IndicatorUnit.RatePer1000 or IndicatorUnit.RatePer100000:
                if (numerator < 0) problem("numerator", "negative", "The numerator must be 0 or more.");
                if (denominator is null) problem("denominator", "required", $"A denominator is required for a {Unit()}.");
                else if (denominator <= 0) problem("denominator", "not_positive", "The denominator must be more than 0.");
                else if (indicator.Unit == IndicatorUnit.Percentage && numerator > denominator)
                    problem("numerator", "exceeds_denominator", "For a percentage the numerator cannot exceed the denominator.");
                break;
        }
        if (!indicator.NeedsDenominator && denominator is not null)
            problem("denominator", "not_allowed", $"A {Unit()} has no denominator; leave it out.");
    }
}
