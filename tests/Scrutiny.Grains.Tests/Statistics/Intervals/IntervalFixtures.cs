using System.Globalization;

namespace Scrutiny.Grains.Tests.Statistics.Intervals;

/// <summary>Reads the interval fixtures (copies of ../shared/fixtures/intervals, copied to the test output) as
/// theory rows, one per data line, every field parsed as invariant-culture doubles.</summary>
internal static class IntervalFixtures
{
    public static TheoryData<double[]> Rows(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Statistics", "Intervals", "Fixtures", file);
        var rows = new TheoryData<double[]>();
        foreach (var line in File.ReadLines(path).Skip(1).Where(l => l.Length > 0))
            rows.Add(line.Split(',').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray());
        return rows;
    }
}
