using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Dashboard.Tests.HostileInput;

/// <summary>
/// A cheap fingerprint of every table of the store, read directly: each table's row count and an order-free sum of
/// its rows' hashes, in one query. Two fingerprints differ when any row was added, removed or changed, so a refused
/// request that wrote anything (a ledger row, an audit entry, a half-made record) shows up by table.
/// </summary>
public sealed class StoreFingerprint : IAsyncDisposable
{
    /// <summary>
    /// Columns that change while a refused request runs, by design and not because of it: an API key's last use is
    /// written when the key is recognised (at most once a minute), before anything decides whether the request may go
    /// on; the node renews its lease every few seconds, whatever the requests.
    /// </summary>
    private static readonly HashSet<(string Table, string Column)> Bookkeeping = [("api_keys", "last_used_at"), ("node_instances", "lease_until")];

    private readonly DbConnection _connection;
    private readonly string _query;

    private StoreFingerprint(DbConnection connection, string query) => (_connection, _query) = (connection, query);

    public static async Task<StoreFingerprint> OpenAsync(TestDatabase database)
    {
        DbConnection connection = database.Engine == StoreEngine.Sqlite
            ? new Scrutiny.Silo.Store.GatedSqliteConnection(database.ConnectionString + ";Mode=ReadOnly")
            : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        if (connection is SqliteConnection sqlite)
            // SQLite has no hash function of its own; a wrapping sum of 64-bit FNV-1a hashes is order-free.
            sqlite.CreateAggregate("row_hash", 0L, (long sum, string row) => unchecked(sum + Fnv(row)));
        var tables = await ColumnsAsync(connection, database.Engine);
        var selects = tables.Select(t =>
        {
            var columns = t.Value.Where(c => !Bookkeeping.Contains((t.Key, c))).ToList();
            var row = database.Engine == StoreEngine.Sqlite
                ? "row_hash(" + string.Join(" || '|' || ", columns.Select(c => $"quote(\"{c}\")")) + ")"
                : "sum(hashtextextended(concat_ws('|', " + string.Join(", ", columns.Select(c => $"\"{c}\"::text")) + "), 0))";
            return $"SELECT '{t.Key}', count(*), CAST(coalesce({row}, 0) AS TEXT) FROM \"{t.Key}\"";
        });
        return new StoreFingerprint(connection, string.Join("\nUNION ALL ", selects));
    }

    /// <summary>Each table's row count and row-hash sum, by table name.</summary>
    public async Task<IReadOnlyDictionary<string, string>> TakeAsync()
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = _query;
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync()) tables[reader.GetString(0)] = $"{reader.GetInt64(1)} rows, {reader.GetString(2)}";
        return tables;
    }

    /// <summary>The tables whose fingerprint differs, with both values.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. after.Where(t => !before.TryGetValue(t.Key, out var was) || was != t.Value)
            .Select(t => $"{t.Key}: {(before.TryGetValue(t.Key, out var was) ? was : "absent")} → {t.Value}")];

    private static async Task<Dictionary<string, List<string>>> ColumnsAsync(DbConnection connection, StoreEngine engine)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = engine == StoreEngine.Sqlite
            ? "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid"
            : "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position";
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            var table = reader.GetString(0);
            if (!tables.TryGetValue(table, out var columns)) tables[table] = columns = [];
            columns.Add(reader.GetString(1));
        }
        return tables;
    }

    private static long Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text) hash = unchecked((hash ^ c) * 1099511628211UL);
        return unchecked((long)hash);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
