using System.Globalization;
using System.Text.Json;
using Dapper;
using Scrutiny.Grains.Benefits;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Benefits;

/// <summary>
/// The unit-cost catalogue and the appraisal settings, read from the store on each use (a few dozen rows: every node
/// sees an administrator's change at once) and written with their audit rows in one transaction.
/// </summary>
public sealed class AppraisalStore(Database database)
{
    public const string UnitCostSaved = "unit_cost_saved";
    public const string SettingsSaved = "appraisal_settings_saved";

    // Every column, named as UnitCostRow's properties: the list and a write's "before" read alike.
    private const string SelectUnitCosts =
        "SELECT code, name, borne_by AS BorneBy, value_pence AS ValuePence, price_year AS PriceYear, grade, kind, source, licence, " +
        "illustrative, updated_by AS UpdatedBy, updated_at AS UpdatedAt FROM unit_costs";

    public async Task<IReadOnlyList<UnitCost>> ListUnitCostsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UnitCostRow>(new CommandDefinition(
            $"{SelectUnitCosts} ORDER BY code", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToUnitCost())];
    }

    /// <summary>Creates or replaces each unit cost, all in one transaction with an audit row each; true for each one created.</summary>
    public Task<IReadOnlyList<bool>> SaveUnitCostsAsync(IReadOnlyList<UnitCost> costs, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync<IReadOnlyList<bool>>(async (connection, transaction) =>
        {
            var created = new List<bool>();
            foreach (var cost in costs)
            {
                var before = await connection.QuerySingleOrDefaultAsync<UnitCostRow>($"{SelectUnitCosts} WHERE code = @Code", new { cost.Code }, transaction);
                await connection.ExecuteAsync(
                    """
                    INSERT INTO unit_costs (code, name, borne_by, value_pence, price_year, grade, kind, source, licence, illustrative, updated_by, updated_at)
                    VALUES (@Code, @Name, @BorneBy, @ValuePence, @PriceYear, @Grade, @Kind, @Source, @Licence, @Illustrative, @UpdatedBy, @UpdatedAt)
                    ON CONFLICT (code) DO UPDATE SET name = excluded.name, borne_by = excluded.borne_by, value_pence = excluded.value_pence,
                        price_year = excluded.price_year, grade = excluded.grade, kind = excluded.kind, source = excluded.source,
                        licence = excluded.licence, illustrative = excluded.illustrative, updated_by = excluded.updated_by, updated_at = excluded.updated_at
                    """, UnitCostRow.From(cost), transaction);
                await AuditLog.AppendAsync(connection, transaction, new AuditEntry(cost.UpdatedAt, cost.UpdatedBy, UnitCostSaved, $"unit-cost/{cost.Code}",
                    AuditLog.Detail(new { before = before?.ToUnitCost(), after = cost })), database.Engine, cancellationToken);
                created.Add(before is null);
            }
            return created;
        }, cancellationToken);

    public async Task<AppraisalSettings> GetSettingsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Document, string UpdatedBy, string UpdatedAt)>(new CommandDefinition(
            "SELECT document, updated_by, updated_at FROM appraisal_settings WHERE id = 1", cancellationToken: cancellationToken));
        if (row.Document is null) return AppraisalSettings.Default;
        var document = JsonSerializer.Deserialize<SettingsDocument>(row.Document, GrainJson.Options)!;
        return new AppraisalSettings(document.DiscountRate, document.PriceYear, document.OptimismBias, document.Deflator, document.DeflatorSource,
            row.UpdatedBy, DateTimeOffset.Parse(row.UpdatedAt, CultureInfo.InvariantCulture));
    }

    public Task SaveSettingsAsync(AppraisalSettings settings, string actor, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var before = await connection.QuerySingleOrDefaultAsync<string>("SELECT document FROM appraisal_settings WHERE id = 1", transaction: transaction);
            var document = JsonSerializer.Serialize(new SettingsDocument(settings.DiscountRate, settings.PriceYear,
                new SortedDictionary<int, decimal>(settings.OptimismBias.ToDictionary()),
                new SortedDictionary<string, decimal>(settings.Deflator.ToDictionary(), StringComparer.Ordinal), settings.DeflatorSource), GrainJson.Options);
            await connection.ExecuteAsync(
                """
                INSERT INTO appraisal_settings (id, document, updated_by, updated_at) VALUES (1, @document, @actor, @at)
                ON CONFLICT (id) DO UPDATE SET document = excluded.document, updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """, new { document, actor, at = Instant(at) }, transaction);
            await AuditLog.AppendAsync(connection, transaction, new AuditEntry(at, actor, SettingsSaved, "appraisal-settings",
                AuditLog.Detail(new { before = before is null ? (JsonElement?)null : JsonDocument.Parse(before).RootElement, after = JsonDocument.Parse(document).RootElement })),
                database.Engine, cancellationToken);
            return 0;
        }, cancellationToken);

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private sealed record SettingsDocument(
        decimal DiscountRate, string? PriceYear, IReadOnlyDictionary<int, decimal> OptimismBias, IReadOnlyDictionary<string, decimal> Deflator,
        string? DeflatorSource);

    // A class with setters, not a record: Dapper converts each column to its property (SQLite's INTEGER is a long,
    // PostgreSQL's an int), where a constructor would have to match the engine's types exactly.
    private sealed class UnitCostRow
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string BorneBy { get; set; } = "";
        public long ValuePence { get; set; }
        public string PriceYear { get; set; } = "";
        public int Grade { get; set; }
        public string Kind { get; set; } = "";
        public string Source { get; set; } = "";
        public string? Licence { get; set; }
        public bool Illustrative { get; set; }
        public string UpdatedBy { get; set; } = "";
        public string UpdatedAt { get; set; } = "";

        public UnitCost ToUnitCost() => new(Code, Name, BorneBy, ValuePence, PriceYear, Grade, CatalogueNames.Parse<BenefitKind>(Kind), Source,
            Licence, Illustrative, UpdatedBy, DateTimeOffset.Parse(UpdatedAt, CultureInfo.InvariantCulture));

        public static object From(UnitCost c) => new
        {
            c.Code, c.Name, c.BorneBy, c.ValuePence, c.PriceYear, c.Grade, Kind = CatalogueNames.Name(c.Kind), c.Source, c.Licence,
            Illustrative = c.Illustrative ? 1 : 0, c.UpdatedBy, UpdatedAt = Instant(c.UpdatedAt),
        };
    }
}
