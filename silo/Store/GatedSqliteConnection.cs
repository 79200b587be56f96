using Microsoft.Data.Sqlite;

namespace Scrutiny.Silo.Store;

/// <summary>
/// A SQLite connection that takes its pooled handle from Microsoft.Data.Sqlite's pool, and gives it back, one at a
/// time in this process.
/// </summary>
/// <remarks>
/// Why: the pool treats a handle that is marked in use but has no owner as leaked and lends it again, and a handle
/// passes through that state for an instant while it is lent (<c>Activate</c>) and while it is given back
/// (<c>Deactivate</c>), outside the pool's lock (dotnet/efcore#39008). Two opens or an open and a close at the same
/// moment can then share one native handle: the second <c>BEGIN</c> fails with "cannot start a transaction within a
/// transaction" (SQLite error 1, "SQL logic error"), as the demo seed's parallel writes did once in CI. Lending a
/// pooled handle takes microseconds, so one at a time costs nothing a request notices.
/// </remarks>
public sealed class GatedSqliteConnection(string connectionString) : SqliteConnection(connectionString)
{
    private static readonly Lock Gate = new();

    public override void Open()
    {
        lock (Gate) base.Open();
    }

    public override void Close()
    {
        lock (Gate) base.Close();
    }

    /// <summary>Closes every idle pooled handle (before a database file is deleted or its disk made read-only).</summary>
    public static void ClearPools()
    {
        lock (Gate) ClearAllPools();
    }
}
