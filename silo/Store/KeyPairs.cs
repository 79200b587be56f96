using Dapper;

namespace Scrutiny.Silo.Store;

/// <summary>
/// Pairs looked up together through a key, as a table <c>k (first, second)</c> of parameters <c>@first0</c>,
/// <c>@second0</c>, <c>@first1</c>…: how the ledger's reads by pairs (waking grains' places and indicators, a
/// scorecard's indicators and periods) name them, so that the query and its parameters cannot disagree.
/// </summary>
public static class KeyPairs
{
    public static string With(string first, string second, int count) =>
        $"WITH k ({first}, {second}) AS (VALUES {string.Join(", ", Enumerable.Range(0, count).Select(i => $"(@{first}{i}, @{second}{i})"))})";

    public static void Add(DynamicParameters parameters, string first, string second, IEnumerable<(string First, string Second)> pairs)
    {
        var i = 0;
        foreach (var (a, b) in pairs)
        {
            parameters.Add($"{first}{i}", a);
            parameters.Add($"{second}{i++}", b);
        }
    }
}
