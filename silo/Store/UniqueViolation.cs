using Microsoft.Data.Sqlite;
using Npgsql;

namespace Scrutiny.Silo.Store;

/// <summary>A write the store refused because a row with the same unique key is there already.</summary>
public static class UniqueViolation
{
    // SQLite's extended result codes (https://www.sqlite.org/rescode.html): SQLITE_CONSTRAINT_UNIQUE and _PRIMARYKEY.
    private static readonly HashSet<int> SqliteCodes = [2067, 1555];

    public static bool Is(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => SqliteCodes.Contains(sqlite.SqliteExtendedErrorCode),
        _ => false,
    };
}
