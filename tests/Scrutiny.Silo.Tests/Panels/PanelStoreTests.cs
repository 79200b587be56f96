using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Panels;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Panels;

/// <summary>Panels are kept in the store on both engines, with an audit row written in the same transaction as each change.</summary>
public sealed class PanelStoreTests
{
    private const string Manchester = "E08000003";
    private const string Trafford = "E08000009";
    private const string Admissions = "emergency-admissions-65plus";
    private const string StillAtHome = "still-at-home-91-days";

    [Theory, ClassData(typeof(Engines))]
    public async Task A_panel_and_its_change_survive_a_restart_on_a_new_node_and_are_audited(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        Panel created;
        await using (var first = await TestSilo.StartAsync(database))
        {
            await first.SeedMinimalCatalogueAsync();
            var editor = first.Services.GetRequiredService<PanelEditor>();
            created = Assert.IsType<Panel>((await editor.CreateAsync(Draft("Health scrutiny", (Manchester, Admissions), (Trafford, Admissions)), "dashboard:key-1")).Panel);
            var changed = await editor.UpdateAsync(created.Id,
                Draft("Health scrutiny: discharge", (Trafford, StillAtHome), (Manchester, Admissions)), "dashboard:key-2");
            Assert.Empty(changed.Problems);
        }

        await using var second = await TestSilo.StartAsync(database);
        var store = second.Services.GetRequiredService<PanelStore>();
        var panel = Assert.IsType<Panel>(await store.FindAsync(created.Id));
        Assert.Equal(("Health scrutiny: discharge", "dashboard:key-1"), (panel.Name, panel.CreatedBy));
        Assert.Equal([new PanelItem(Trafford, StillAtHome), new PanelItem(Manchester, Admissions)], panel.Items);
        Assert.True(panel.UpdatedAt >= panel.CreatedAt);
        Assert.Equal([created.Id], (await store.ListAsync()).Select(p => p.Id));

        await using var connection = await second.Database.OpenAsync();
        var audit = (await connection.QueryAsync<(string Action, string Actor, string Subject, string Detail)>(
            "SELECT action, actor, subject, detail FROM audit_log ORDER BY id")).ToList();
        Assert.Equal([(PanelStore.Created, "dashboard:key-1", $"panel:{created.Id}"), (PanelStore.Updated, "dashboard:key-2", $"panel:{created.Id}")],
            audit.Select(a => (a.Action, a.Actor, a.Subject)));
        Assert.Contains("\"before\"", audit[1].Detail);
        Assert.Contains(StillAtHome, audit[1].Detail);
    }

    [Fact]
    public async Task A_panel_with_problems_writes_nothing_and_names_each_field()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        await using var silo = await TestSilo.StartAsync(database);
        await silo.SeedMinimalCatalogueAsync();
        var editor = silo.Services.GetRequiredService<PanelEditor>();

        var empty = await editor.CreateAsync(new PanelDraft(" ", null, []), "test");
        var wrong = await editor.CreateAsync(Draft("Panel", ("E99999999", Admissions), (Manchester, null), (Manchester, Admissions), (Manchester, Admissions)), "test");
        var missing = await editor.UpdateAsync("nosuchpanel", Draft("Panel", (Manchester, Admissions)), "test");

        Assert.Equal([("name", "required"), ("items", "required")], empty.Problems.Select(p => (p.Field, p.Code)));
        Assert.Equal([("items[0].place", "unknown_place"), ("items[1].indicator", "required"), ("items[3].place", "duplicate")],
            wrong.Problems.Select(p => (p.Field, p.Code)));
        Assert.True(missing.NotFound);
        Assert.Empty(await silo.Services.GetRequiredService<PanelStore>().ListAsync());
        await using var connection = await silo.Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action NOT LIKE 'api_key%'"));
    }

    private static PanelDraft Draft(string name, params (string? Place, string? Indicator)[] items) => new(name, null, items);
}
