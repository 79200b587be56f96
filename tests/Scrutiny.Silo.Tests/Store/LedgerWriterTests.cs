using Dapper;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Store;

/// <summary>
/// The ledger's writer on each engine (on PostgreSQL, binary COPY encoded by <see cref="BinaryCopyWriter"/>): every
/// field read back as written, across many buffers and past one with a long note; a revision the ledger holds already
/// is refused as a unique violation (what a batch's commit retries on), and the transaction then keeps none of the entries;
/// entries that fail part way leave none written, the error as it was, and the connection able to take the next write.
/// </summary>
public sealed class LedgerWriterTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 10, 15, 30, TimeSpan.FromHours(1));

    [Theory, ClassData(typeof(Engines))]
    public async Task Every_field_is_read_back_as_written(StoreEngine engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        await using var database = await test.MigratedStoreAsync();
        // 3,000 entries fill the 64 KB buffer several times; one note is longer than the buffer, in two-byte characters.
        var longNote = string.Concat(Enumerable.Repeat("Ōsaka 大阪 ", 12_000));
        var entries = Enumerable.Range(0, 3000).Select(i => new LedgerEntry(
            "batch-1", $"E0800000{i % 10}", "delayed-discharge-days", $"{1900 + i / 12}-{i % 12 + 1:00}", i % 3 == 0 ? "MFT" : "MCC",
            i % 5 + 1, i * 1.25 - 7.5e-3, i % 2 == 0 ? null : 1e9 + i, i switch { 7 => longNote, 8 => "", 9 => "Ward 7 \"closed\"", _ => null },
            "agency:MFT", At.AddTicks(i * 10 + 1230))).ToList(); // whole microseconds, as the grains make them

        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await LedgerWriter.AppendAsync(connection, transaction, entries, engine);
            return true;
        });

        await using var read = await database.OpenAsync();
        var stored = (await read.QueryAsync<LedgerRow>($"SELECT {LedgerRow.Columns} FROM returns_ledger ORDER BY id")).Select(r => r.ToEntry()).ToList();
        Assert.Equal(entries, stored);
        Assert.Equal(longNote, stored[7].Note);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_revision_held_already_is_refused_as_a_unique_violation_and_none_of_the_entries_is_kept(StoreEngine engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        await using var database = await test.MigratedStoreAsync();
        var held = Entry("2026-01", revision: 1);
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await LedgerWriter.AppendAsync(connection, transaction, [held], engine);
            return true;
        });

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => database.InTransactionAsync(async (connection, transaction) =>
        {
            await LedgerWriter.AppendAsync(connection, transaction, [Entry("2025-12", 1), Entry("2026-01", 2), held with { BatchId = "b2" }], engine);
            return true;
        }));

        Assert.True(UniqueViolation.Is(refused), refused.ToString());
        await using var read = await database.OpenAsync();
        Assert.Equal([("b1", "2026-01")], await read.QueryAsync<(string, string)>("SELECT batch_id, period FROM returns_ledger"));
        // The connection went back to the pool whole: the next write on it goes in.
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await LedgerWriter.AppendAsync(connection, transaction, [Entry("2026-02", 1)], engine);
            return true;
        });
        Assert.Equal(2, await read.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM returns_ledger"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Entries_that_fail_part_way_leave_none_written_and_the_connection_whole(StoreEngine engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        await using var database = await test.MigratedStoreAsync();

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => database.InTransactionAsync(async (connection, transaction) =>
        {
            await LedgerWriter.AppendAsync(connection, transaction, FailingAfter(2000), engine);
            return true;
        }));

        Assert.Equal("entry 2000", failed.Message);
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await LedgerWriter.AppendAsync(connection, transaction, [Entry("2026-02", 1)], engine);
            return true;
        });
        await using var read = await database.OpenAsync();
        Assert.Equal(["2026-02"], await read.QueryAsync<string>("SELECT period FROM returns_ledger"));
    }

    /// <summary>Entries made as they are read, the last of them failing: past several of the COPY's buffers.</summary>
    private static IEnumerable<LedgerEntry> FailingAfter(int count)
    {
        for (var i = 0; i < count; i++) yield return Entry($"{1900 + i / 12}-{i % 12 + 1:00}", 1);
        throw new InvalidOperationException($"entry {count}");
    }

    private static LedgerEntry Entry(string period, int revision) =>
        new("b1", "E08000003", "delayed-discharge-days", period, "MFT", revision, 5, null, null, "agency:MFT", At);
}
