using System.Globalization;

namespace Scrutiny.Grains.Catalogue;

/// <summary>
/// How a value of each unit is shown. The pages render <see cref="Decimals"/> and <see cref="Suffix"/> as data
/// attributes, and live.js formats pushed values with them, so the rules live here only.
/// </summary>
public sealed record ValueFormat(int Decimals, string Suffix)
{
    /// <summary>Shown where a period has returns but no value can be made (a ratio whose denominator is 0).</summary>
    public const string NotAvailable = "Not available";

    public const string NoReturns = "No returns yet";

    public static ValueFormat For(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Count => new(0, ""),
        IndicatorUnit.Percentage => new(1, "%"),
        IndicatorUnit.PercentagePoints => new(1, " percentage points"),
        IndicatorUnit.RatePer1000 => new(1, " per 1,000"),
        IndicatorUnit.RatePer100000 => new(1, " per 100,000"),
        _ => new(1, ""),
    };

    /// <summary>A value of <paramref name="indicator"/> as the pages write it: for sentences made outside the dashboard (<c>WhatChanged</c>).</summary>
    public static string Of(IndicatorDefinition indicator, double value) => For(indicator.Unit).Format(value);

    /// <summary>Thousands separators and a fixed number of decimals, as en-GB's Intl.NumberFormat in live.js writes them.</summary>
    public string Format(double? value) =>
        value is { } v ? v.ToString($"N{Decimals}", CultureInfo.InvariantCulture) + Suffix : NotAvailable;

    /// <summary>A number without the unit, for table cells whose header names it (limits, intervals); empty for none.
    /// Limits and means get one more decimal than values, so that a value and the limit it crosses never look equal.</summary>
    public string Plain(double? value, int extraDecimals = 0) =>
        value is { } v ? v.ToString($"N{Decimals + extraDecimals}", CultureInfo.InvariantCulture) : "";
}
