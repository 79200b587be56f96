using System.Data.Common;
using Dapper;
using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Grains;

namespace Scrutiny.Silo.Verification;

/// <summary>
/// Each board's records against the append-only tables written beside them: every commitment's statuses, in order,
/// as <c>commitment_status_history</c> has them, and the pooled fund's entries and yearly totals as
/// <c>pooled_fund_ledger</c> has them.
/// </summary>
internal static class BoardChecks
{
    private sealed class StatusRow
    {
        public string Board { get; init; } = "";
        public string Commitment { get; init; } = "";
        public string Status { get; init; } = "";
        public string Derived { get; init; } = "";
    }

    private sealed class FundRow
    {
        public string Board { get; init; } = "";
        public string Entry { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Year { get; init; } = "";
        public string Agency { get; init; } = "";
        public long Amount { get; init; }
    }

    public static async Task CheckAsync(DbConnection connection, DbTransaction transaction, IReadOnlyDictionary<string, BoardState> boards, List<Discrepancy> found)
    {
        var history = (await connection.QueryAsync<StatusRow>(
                "SELECT board_id AS Board, commitment_id AS Commitment, status AS Status, derived AS Derived FROM commitment_status_history ORDER BY id", transaction: transaction))
            .ToLookup(r => (r.Board, r.Commitment));
        var fund = (await connection.QueryAsync<FundRow>(
                """
                SELECT board_id AS Board, entry_id AS Entry, kind AS Kind, financial_year AS Year, agency_code AS Agency, amount_pence AS Amount
                FROM pooled_fund_ledger
                """, transaction: transaction))
            .ToLookup(r => r.Board);

        foreach (var (board, state) in boards)
        {
            foreach (var commitment in state.Commitments)
            {
                var recorded = history[(board, commitment.Id)].ToList();
                var expected = commitment.History.Select(h => (CatalogueNames.Name(h.Status), CatalogueNames.Name(h.Derived))).ToList();
                if (!recorded.Select(r => (r.Status, r.Derived)).SequenceEqual(expected))
                    found.Add(new Discrepancy("board-status", $"{board} {commitment.Id}",
                        $"the board holds {Describe(expected)}; the status history has {Describe(recorded.Select(r => (r.Status, r.Derived)))}"));
            }
            CheckFund(board, state.Fund, [.. fund[board]], found);
        }
        foreach (var board in fund.Select(g => g.Key).Where(b => !boards.ContainsKey(b)))
            found.Add(new Discrepancy("pooled-fund", board, "the fund ledger has entries for a board with no records"));
    }

    private static void CheckFund(string board, IReadOnlyList<FundEntry> entries, IReadOnlyList<FundRow> rows, List<Discrepancy> found)
    {
        var byId = rows.ToDictionary(r => r.Entry, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!byId.Remove(entry.Id, out var row))
                found.Add(new Discrepancy("pooled-fund", $"{board} {entry.Id}", "the board holds the entry but the fund ledger has no row"));
            else if (row.Amount != entry.AmountPence || row.Kind != CatalogueNames.Name(entry.Kind) || row.Agency != entry.Agency || row.Year != entry.FinancialYear)
                found.Add(new Discrepancy("pooled-fund", $"{board} {entry.Id}",
                    $"the board holds {CatalogueNames.Name(entry.Kind)} {entry.AmountPence}p from {entry.Agency} in {entry.FinancialYear}; the ledger has {row.Kind} {row.Amount}p from {row.Agency} in {row.Year}"));
        }
        foreach (var row in byId.Values)
            found.Add(new Discrepancy("pooled-fund", $"{board} {row.Entry}", "the fund ledger has a row the board does not hold"));

        // The totals the pages show, recomputed from the ledger alone.
        var fromState = entries.GroupBy(e => e.FinancialYear).ToDictionary(g => g.Key, Totals);
        var fromLedger = rows.GroupBy(r => r.Year).ToDictionary(g => g.Key, g =>
            (g.Where(r => r.Kind == CatalogueNames.Name(FundEntryKind.Contribution)).Sum(r => r.Amount),
             g.Where(r => r.Kind == CatalogueNames.Name(FundEntryKind.Spend)).Sum(r => r.Amount)));
        foreach (var year in fromState.Keys.Union(fromLedger.Keys).Order(StringComparer.Ordinal))
        {
            var held = fromState.GetValueOrDefault(year);
            var recomputed = fromLedger.GetValueOrDefault(year);
            if (held != recomputed)
                found.Add(new Discrepancy("pooled-fund", $"{board} {year}",
                    $"the board's totals are {held.Item1}p in, {held.Item2}p out; the ledger's are {recomputed.Item1}p in, {recomputed.Item2}p out"));
        }
    }

    private static (long, long) Totals(IEnumerable<FundEntry> year) =>
        PooledBudget.Totals(year, new Dictionary<string, string>()) is [var totals] ? (totals.ContributedPence, totals.SpentPence) : (0, 0);

    private static string Describe(IEnumerable<(string Status, string Derived)> statuses) =>
        statuses.Any() ? string.Join(" → ", statuses.Select(s => s.Status == s.Derived ? s.Status : $"{s.Status} (derived {s.Derived})")) : "no statuses";
}
