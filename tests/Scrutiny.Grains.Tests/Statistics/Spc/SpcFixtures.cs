using System.Globalization;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.Spc;

namespace Scrutiny.Grains.Tests.Statistics.Spc;

/// <summary>The NHSRplotthedots 0.2.2 cases copied from ../shared/fixtures/spc (simple CSV: no quotes, no commas in
/// fields), read from the test output directory.</summary>
internal static class SpcFixtures
{
    public sealed record Case(string Name, Polarity Polarity, double? Target, bool Screen, int? FixAfter, IReadOnlyList<int> RebaseAtPoints);

    public sealed record ExpectedPoint(int Point, double Value, double Mean, double Lower, double Upper, string SpecialCause, string PointType);

    public sealed record ExpectedIcons(string VariationIcon, string AssuranceIcon);

    public static IReadOnlyList<Case> Cases { get; } = [.. Rows("cases.csv").Select(r => new Case(
        r["case"],
        r["improvement_direction"] switch
        {
            "increase" => Polarity.HigherIsBetter,
            "decrease" => Polarity.LowerIsBetter,
            "neutral" => Polarity.NoJudgement,
            var d => throw new FormatException($"Unknown improvement_direction '{d}'."),
        },
        r["target"] == "" ? null : Number(r["target"]),
        bool.Parse(r["screen_moving_ranges"]),
        r["fix_after_n_points"] == "" ? null : int.Parse(r["fix_after_n_points"], CultureInfo.InvariantCulture),
        [.. r["rebase_at_points"].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))]))];

    public static IReadOnlyList<ExpectedPoint> PointsOf(string name) => [.. Rows("points.csv")
        .Where(r => r["case"] == name)
        .Select(r => new ExpectedPoint(int.Parse(r["point"], CultureInfo.InvariantCulture), Number(r["value"]), Number(r["mean"]),
            Number(r["lower_process_limit"]), Number(r["upper_process_limit"]), r["special_cause"], r["point_type"]))
        .OrderBy(p => p.Point)];

    public static ExpectedIcons IconsOf(string name) => Rows("icons.csv")
        .Where(r => r["case"] == name)
        .Select(r => new ExpectedIcons(r["variation_icon"], r["assurance_icon"]))
        .Single();

    /// <summary>The options of a case; rebase_at_points are 1-based point numbers, as in points.csv.</summary>
    public static XmrOptions OptionsOf(Case c) =>
        new(c.Polarity, c.Target, c.Screen, c.FixAfter, [.. c.RebaseAtPoints.Select(p => p - 1)]);

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static IEnumerable<Dictionary<string, string>> Rows(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Statistics", "Spc", "Fixtures", file))
            .Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(','), (h, v) => (h, v)).ToDictionary(x => x.h, x => x.v));
    }
}
