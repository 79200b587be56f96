using Dapper;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Panels;

/// <summary>The panels and their items, read and written; each write with its audit row in the same transaction.</summary>
public sealed class PanelStore(Database database)
{
    public const string Created = "panel_created";
    public const string Updated = "panel_updated";

    public async Task<IReadOnlyList<Panel>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var panels = await connection.QueryAsync<PanelRow>(new CommandDefinition(
            $"SELECT {PanelColumns} FROM panels ORDER BY name, id", cancellationToken: cancellationToken));
        var items = (await connection.QueryAsync<ItemRow>(new CommandDefinition(
                $"SELECT {ItemColumns} FROM panel_items ORDER BY panel_id, position", cancellationToken: cancellationToken)))
            .ToLookup(i => i.PanelId, StringComparer.Ordinal);
        return [.. panels.Select(p => p.ToPanel(items[p.Id]))];
    }

    public async Task<Panel?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var panel = await connection.QuerySingleOrDefaultAsync<PanelRow>(new CommandDefinition(
            $"SELECT {PanelColumns} FROM panels WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        if (panel is null) return null;
        var items = await connection.QueryAsync<ItemRow>(new CommandDefinition(
            $"SELECT {ItemColumns} FROM panel_items WHERE panel_id = @id ORDER BY position", new { id }, cancellationToken: cancellationToken));
        return panel.ToPanel(items);
    }

    /// <summary>Saves a new panel under a new random id (hard to guess, short enough to read out).</summary>
    public Task<Panel> CreateAsync(string name, string? description, IReadOnlyList<PanelItem> items, string actor, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        var panel = new Panel(ReadableIds.New(), name, description, actor, at, at, items);
        return database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                "INSERT INTO panels (id, name, description, created_by, created_at, updated_at) VALUES (@id, @name, @description, @by, @at, @at)",
                new { id = panel.Id, name, description, by = actor, at = SqlDialect.Timestamp(at, database.Engine) }, transaction);
            await InsertItemsAsync(connection, transaction, panel.Id, items);
            await AuditLog.AppendAsync(connection, transaction,
                new AuditEntry(at, actor, Created, Subject(panel.Id), AuditLog.Detail(new { name, description, items })), database.Engine, cancellationToken);
            return panel;
        }, cancellationToken);
    }

    /// <summary>Replaces a panel's name, description and items; null when there is no such panel.</summary>
    public Task<Panel?> UpdateAsync(string id, string name, string? description, IReadOnlyList<PanelItem> items, string actor,
        DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var before = await connection.QuerySingleOrDefaultAsync<PanelRow>(
                $"SELECT {PanelColumns} FROM panels WHERE id = @id", new { id }, transaction);
            if (before is null) return null;
            var beforeItems = (await connection.QueryAsync<ItemRow>(
                $"SELECT {ItemColumns} FROM panel_items WHERE panel_id = @id ORDER BY position", new { id }, transaction)).ToList();

            await connection.ExecuteAsync("UPDATE panels SET name = @name, description = @description, updated_at = @at WHERE id = @id",
                new { id, name, description, at = SqlDialect.Timestamp(at, database.Engine) }, transaction);
            await connection.ExecuteAsync("DELETE FROM panel_items WHERE panel_id = @id", new { id }, transaction);
            await InsertItemsAsync(connection, transaction, id, items);
            var detail = new
            {
                before = new { before.Name, before.Description, items = beforeItems.Select(i => i.ToItem()) },
                after = new { name, description, items },
            };
            await AuditLog.AppendAsync(connection, transaction,
                new AuditEntry(at, actor, Updated, Subject(id), AuditLog.Detail(detail)), database.Engine, cancellationToken);
            var saved = before.ToPanel([]);
            return (Panel?)(saved with { Name = name, Description = description, UpdatedAt = at, Items = items });
        }, cancellationToken);

    /// <summary>The audit log's subject for a panel, named as its hub group is.</summary>
    public static string Subject(string id) => ChangeGroups.Panel(id);

    private static Task InsertItemsAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction,
        string id, IReadOnlyList<PanelItem> items) =>
        connection.ExecuteAsync(
            "INSERT INTO panel_items (panel_id, position, place_code, indicator_code) VALUES (@id, @position, @place, @indicator)",
            items.Select((item, i) => new { id, position = i + 1, place = item.Place, indicator = item.Indicator }), transaction);

    private const string PanelColumns =
        "id AS Id, name AS Name, description AS Description, created_by AS CreatedBy, created_at AS CreatedAt, updated_at AS UpdatedAt";

    private const string ItemColumns = "panel_id AS PanelId, position AS Position, place_code AS Place, indicator_code AS Indicator";

    private sealed class PanelRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Description { get; init; }
        public string CreatedBy { get; init; } = "";
        public object CreatedAt { get; init; } = "";
        public object UpdatedAt { get; init; } = "";

        public Panel ToPanel(IEnumerable<ItemRow> items) => new(Id, Name, Description, CreatedBy,
            SqlDialect.ReadTimestamp(CreatedAt), SqlDialect.ReadTimestamp(UpdatedAt), [.. items.Select(i => i.ToItem())]);
    }

    private sealed class ItemRow
    {
        public string PanelId { get; init; } = "";
        public long Position { get; init; }
        public string Place { get; init; } = "";
        public string Indicator { get; init; } = "";

        public PanelItem ToItem() => new(Place, Indicator);
    }
}
