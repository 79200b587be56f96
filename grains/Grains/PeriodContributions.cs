using Scrutiny.Grains.Contracts;

namespace Scrutiny.Grains.Grains;

/// <summary>
/// A period's contributions, one an agency, as an array in agency order that is replaced, never changed: the combined
/// point holds the same array (<see cref="Combiner.CombineOrdered"/>), and a reader handed the point keeps what it was
/// given. An indicator grain holds one for every period of its history: an array of one to three, not a dictionary
/// (about 200 bytes fewer a period, and one object for the collector to trace, not three).
/// </summary>
public static class PeriodContributions
{
    /// <summary>The contributions with <paramref name="next"/> in place of its agency's, or added in agency order.</summary>
    public static Contribution[] With(Contribution[]? held, Contribution next)
    {
        if (held is null or []) return [next];
        var at = Array.BinarySearch(held, next, AgencyOrder);
        if (at >= 0)
        {
            var replaced = (Contribution[])held.Clone();
            replaced[at] = next;
            return replaced;
        }
        at = ~at;
        var added = new Contribution[held.Length + 1];
        Array.Copy(held, added, at);
        added[at] = next;
        Array.Copy(held, at, added, at + 1, held.Length - at);
        return added;
    }

    /// <summary>The agency's contribution, or null.</summary>
    public static Contribution? Of(Contribution[] held, string agency)
    {
        foreach (var c in held)
            if (string.Equals(c.Agency, agency, StringComparison.Ordinal)) return c;
        return null;
    }

    /// <summary>The order a period's contributions are held and combined in: by agency code, ordinal.</summary>
    public static IComparer<Contribution> AgencyOrder { get; } = Comparer<Contribution>.Create(static (a, b) => string.CompareOrdinal(a!.Agency, b!.Agency));
}
