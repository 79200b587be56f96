namespace Scrutiny.Silo.Store;

/// <summary>
/// Brings the store's schema up to date once per process, before the first thing that needs it: the silo's membership
/// and reminders read the store while the silo starts, before any hosted service runs. Remembers whether the embedded
/// database was created by this start, so that the demo is seeded into a new file only.
/// </summary>
public sealed class StoreSchema(Database database, SchemaMigrator migrator) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _done;

    /// <summary>True when this process created the embedded database file (known once <see cref="EnsureAsync"/> ran).</summary>
    public bool CreatedNow { get; private set; }

    /// <summary>First of all the silo's start: membership (stage RuntimeInitialize) and reminders come after.</summary>
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(StoreSchema), ServiceLifecycleStage.First, EnsureAsync);

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _done)) return;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_done) return;
            if (database.Options.SqlitePath is { } file)
            {
                CreatedNow = !File.Exists(file);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            }
            Console.WriteLine($"Scrutiny store: {database.Options.Description}");
            await migrator.MigrateAsync(cancellationToken);
            Volatile.Write(ref _done, true);
        }
        catch (Exception ex) when (StoreOutage.IsOutage(ex))
        {
            // Say which store and what to do, not only SQLite's or Npgsql's words; the node does not start half-way.
            throw new InvalidOperationException(
                $"The node cannot start: its store ({database.Options.Description}) cannot be reached or written ({ex.Message}). " +
                "Check that the database server is up, or that the disk holding the database has room and is writable, then start again.", ex);
        }
        finally
        {
            _gate.Release();
        }
    }
}
