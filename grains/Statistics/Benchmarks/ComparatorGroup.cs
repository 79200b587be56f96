using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Grains.Statistics.Benchmarks;

/// <summary>A place among its comparator group (for example its statistical neighbours).</summary>
public static class ComparatorGroup
{
    /// <summary>
    /// The summary of a group's values; the members may include <paramref name="place"/> itself, and members without a
    /// value are left out before this is called. The mean is the simple mean of the members' values, not a pooled
    /// ratio, because it describes the group's places rather than its population. The rank puts 1 at the best value by
    /// polarity (highest for higher-is-better and for no judgement, lowest for lower-is-better); tied values share the
    /// lower rank number (1, 2, 2, 4), so a tie never flatters one place over another. Null for an empty group.
    /// </summary>
    public static GroupSummary? Summarise(string place, IReadOnlyList<(string Place, double Value)> members, Polarity polarity)
    {
        if (members.Count == 0) return null;
        var values = members.Select(m => m.Value).ToList();

        int? rank = null;
        foreach (var member in members)
        {
            if (member.Place != place) continue;
            var own = member.Value;
            rank = 1 + values.Count(v => polarity == Polarity.LowerIsBetter ? v < own : v > own);
            break;
        }
        return new GroupSummary(values.Count, values.Average(), values.Min(), values.Max(), rank, values.Count);
    }
}
