using System.Data.Common;
using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Scrutiny.Silo.Store;

/// <summary>
/// Brings the schema up to date at start-up from the numbered scripts in Store/Migrations, each in its own
/// transaction. Scripts only add: an upgrade keeps every row.
/// </summary>
public sealed class SchemaMigrator(Database database, ILogger<SchemaMigrator> logger)
{
    private const string ResourcePrefix = "Scrutiny.Silo.Store.Migrations.";

    // Any fixed number: it serialises nodes that start together against one PostgreSQL database.
    private const long PostgresLockId = 0x5C7_0001;

    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts { get; } = LoadScripts();

    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var applied = 0;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            if (database.Engine == StoreEngine.Postgres)
                await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@id)", new { id = PostgresLockId }, transaction);
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
                transaction: transaction);
            var done = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations", transaction: transaction)).ToHashSet();
            foreach (var (version, name, sql) in Scripts.Where(s => !done.Contains(s.Version)))
            {
                await connection.ExecuteAsync(SqlDialect.Apply(sql, database.Engine), transaction: transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
                    new { version, name, at = DateTimeOffset.UtcNow.ToString("O") }, transaction);
                logger.LogInformation("Applied schema migration {Version} {Name}", version, name);
                applied++;
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return applied;
    }

    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_migrations") ?? 0;
    }

    private static List<(int, string, string)> LoadScripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[ResourcePrefix.Length..^".sql".Length];
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (int.Parse(name[..4], System.Globalization.CultureInfo.InvariantCulture), name, reader.ReadToEnd());
            })
            .OrderBy(s => s.Item1)
            .ToList();
    }
}
