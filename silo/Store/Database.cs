using System.Data.Common;
using Npgsql;

namespace Scrutiny.Silo.Store;

/// <summary>Opens connections to the store, SQLite or PostgreSQL, set up the same way every time.</summary>
public sealed class Database(StoreOptions options) : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres =
        options.Engine == StoreEngine.Postgres ? NpgsqlDataSource.Create(options.ConnectionString) : null;

    public StoreOptions Options => options;

    public StoreEngine Engine => options.Engine;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null) return await _postgres.OpenConnectionAsync(cancellationToken);

        var connection = new GatedSqliteConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // WAL lets readers go on while a writer commits; busy_timeout makes concurrent writers (two nodes on one
        // file) wait their turn instead of failing; foreign keys are off by default in SQLite.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction and commits it.</summary>
    public async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // SQLite: BeginTransaction takes the write lock up front (BEGIN IMMEDIATE), so two writers queue rather
        // than deadlock when both read first.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Drops idle pooled connections (PostgreSQL): after an outage they point at a server process that is gone.</summary>
    public void ClearPool() => _postgres?.Clear();

    public ValueTask DisposeAsync() => _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;
}
