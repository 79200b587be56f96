namespace Scrutiny.Grains.Statistics.ConfidenceIntervals;

/// <summary>The lower and upper limits of a confidence interval, on the same scale as the value they surround.</summary>
[GenerateSerializer, Immutable]
public readonly record struct ConfidenceInterval(double Lower, double Upper)
{
    /// <summary>Whether <paramref name="value"/> lies within the interval, limits included; a comparator outside a
    /// place's interval is what makes the place significantly different from it.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>The interval with both limits multiplied by <paramref name="factor"/>, to move a count's interval
    /// onto a rate's scale.</summary>
    public ConfidenceInterval Scale(double factor) => new(Lower * factor, Upper * factor);
}
