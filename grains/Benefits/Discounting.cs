namespace Scrutiny.Grains.Benefits;

/// <summary>
/// Present values as HM Treasury's Green Book makes them: a sum in year <c>y</c> of an appraisal (year 0 the first,
/// undiscounted) is worth <c>1 / (1 + r)^y</c> of itself today. In <see cref="decimal"/>, so that a case computed by hand
/// to the penny is the case the product shows.
/// </summary>
public static class Discounting
{
    /// <summary>The Green Book's discount rate for most public spending (the social time preference rate).</summary>
    public const decimal GreenBookRate = 0.035m;

    /// <summary>The factor for <paramref name="year"/> whole years after the first at <paramref name="rate"/> a year.</summary>
    public static decimal Factor(decimal rate, int year)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        ArgumentOutOfRangeException.ThrowIfNegative(year);
        var growth = 1m;
        for (var i = 0; i < year; i++) growth *= 1 + rate;
        return 1 / growth;
    }
}
