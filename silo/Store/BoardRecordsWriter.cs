using System.Data.Common;
using System.Globalization;
using Dapper;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Store;

/// <summary>
/// Appends a board's status history and pooled-fund rows inside the board grain's state transaction: a few rows per
/// write, so plain inserts.
/// </summary>
public static class BoardRecordsWriter
{
    public static async Task AppendAsync(DbConnection connection, DbTransaction transaction, IEnumerable<Grains.Storage.IAppendRecord> appends,
        StoreEngine engine)
    {
        foreach (var append in appends)
        {
            switch (append)
            {
                case CommitmentStatusEntry s:
                    await connection.ExecuteAsync(
                        """
                        INSERT INTO commitment_status_history (board_id, commitment_id, at, status, derived, overridden, reason, set_by)
                        VALUES (@board, @commitment, @at, @status, @derived, @overridden, @reason, @by)
                        """,
                        new
                        {
                            board = s.Board, commitment = s.Commitment, at = SqlDialect.Timestamp(s.Change.At, engine),
                            status = CatalogueNames.Name(s.Change.Status), derived = CatalogueNames.Name(s.Change.Derived),
                            overridden = s.Change.Overridden ? 1 : 0, reason = s.Change.Reason, by = s.Change.By,
                        }, transaction);
                    break;
                case FundLedgerEntry f:
                    await connection.ExecuteAsync(
                        """
                        INSERT INTO pooled_fund_ledger (board_id, entry_id, kind, on_date, financial_year, agency_code, commitment_id,
                                                        amount_pence, note, recorded_by, recorded_at)
                        VALUES (@board, @id, @kind, @on, @year, @agency, @commitment, @amount, @note, @by, @at)
                        """,
                        new
                        {
                            board = f.Board, id = f.Entry.Id, kind = CatalogueNames.Name(f.Entry.Kind),
                            on = f.Entry.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), year = f.Entry.FinancialYear,
                            agency = f.Entry.Agency, commitment = f.Entry.Commitment, amount = f.Entry.AmountPence, note = f.Entry.Note,
                            by = f.Entry.RecordedBy, at = SqlDialect.Timestamp(f.Entry.RecordedAt, engine),
                        }, transaction);
                    break;
            }
        }
    }
}
