using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Scrutiny.Silo.Store;

/// <summary>
/// Tells a store that cannot be reached or cannot write just now (PostgreSQL stopped or restarting, the network to it
/// gone, SQLite's disk full or read-only) from a fault in the request or the code: the first is worth a 503 and a
/// retry, the second is not.
/// </summary>
public static class StoreOutage
{
    /// <summary>What a 503 tells a client to wait before trying again.</summary>
    public const int RetryAfterSeconds = 10;

    // SQLite result codes (https://www.sqlite.org/rescode.html): the database busy or locked past busy_timeout,
    // read-only, a disk I/O error, the disk full, the file not openable.
    private static readonly HashSet<int> SqliteOutageCodes = [5, 6, 8, 10, 13, 14];

    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // PostgreSQL's own answers: 08 connection exception, 53 insufficient resources (disk full, out of
                // memory, too many connections), 57P0x the server shutting down or starting up.
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) ||
                           postgres.SqlState.StartsWith("53", StringComparison.Ordinal) ||
                           postgres.SqlState.StartsWith("57P0", StringComparison.Ordinal);
                // No answer at all: the connection refused, reset or timed out (Npgsql marks these transient).
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException:
                    return true;
                case SqliteException sqlite:
                    return SqliteOutageCodes.Contains(sqlite.SqliteErrorCode);
            }
        }
        return false;
    }
}
