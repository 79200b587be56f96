namespace Scrutiny.Grains.Catalogue;

public static class PeriodArithmetic
{
    /// <summary>The period <paramref name="steps"/> after this one (0: itself).</summary>
    public static Period Next(this Period period, int steps)
    {
        for (var i = 0; i < steps; i++) period = period.Next();
        return period;
    }
}
