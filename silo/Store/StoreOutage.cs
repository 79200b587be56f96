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

    /// <summary>
    /// The store is up but has no connection for this request just now: this node's pool stayed in use to its
    /// <see cref="StoreOptions.MaxPoolSizeSetting"/> for the whole connection timeout, or PostgreSQL refused another
    /// connection (53300: its <c>max_connections</c>, or a database's or role's connection limit, reached). An outage to
    /// the client (503 and a retry), but no reason to tell pages the store is out: the requests holding the connections
    /// are being served.
    /// </summary>
    public static bool IsOverload(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.SqlState == PostgresErrorCodes.TooManyConnections;
                // Npgsql says so only in words: a pool timeout is an NpgsqlException over a TimeoutException, as a connect
                // timeout is, and only the message tells them apart.
                case NpgsqlException npgsql when npgsql.InnerException is TimeoutException
                                                 && npgsql.Message.Contains("pool", StringComparison.OrdinalIgnoreCase):
                    return true;
            }
        }
        return false;
    }

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
