using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Boards;
using Scrutiny.Silo.Seeding;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Store;

/// <summary>
/// The node's copy of the catalogue answers what the store answers, sees this node's writes at once and another node's
/// at the latest once its copy is too old to hand out unchecked, and a write that fails moves nothing.
/// </summary>
public sealed class NodeCatalogueTests
{
    private const string Manchester = "E08000003";

    [Theory, ClassData(typeof(Engines))]
    public async Task The_copy_answers_every_question_as_the_store_does(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var silo = await TestSilo.StartAsync(database);
        await silo.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        var store = silo.Catalogue;
        var copy = silo.Services.GetRequiredService<NodeCatalogue>();

        Same(await store.ListIndicatorsAsync(), await copy.ListIndicatorsAsync());
        Same(await store.ListSchedulesAsync(), await copy.ListSchedulesAsync());
        Same(await store.ListPlacesAsync(), await copy.ListPlacesAsync());
        Same(await store.ListAgenciesAsync(), await copy.ListAgenciesAsync());
        Same(await store.ListBoardsAsync(), await copy.ListBoardsAsync());
        Same(await store.ListComparatorGroupsAsync(), await copy.ListComparatorGroupsAsync());
        Assert.NotEmpty(await copy.ListComparatorGroupsAsync());
        Assert.Contains(await copy.ListBoardsAsync(), b => b.Meetings is { Count: > 0 });
        var (places, hierarchy) = (await store.ListPlacesAsync(), await copy.PlaceHierarchyAsync());
        Same(places, hierarchy.All);
        Assert.Contains(places, p => hierarchy.ChildrenOf(p.Code).Codes.Count > 1);
        foreach (var place in places)
        {
            var children = places.Where(p => p.ParentCode == place.Code).Select(p => p.Code).ToList();
            Assert.Equal(children, hierarchy.ChildrenOf(place.Code).Codes);
            Assert.Equal(string.Join(',', children), hierarchy.ChildrenOf(place.Code).Key);
            Same(place, hierarchy.ByCode[place.Code]);
        }
        foreach (var place in await store.ListPlacesAsync())
        {
            Same(await store.FindPlaceAsync(place.Code), await copy.FindPlaceAsync(place.Code));
            Same(await store.ListBoardsAsync(place.Code), await copy.ListBoardsAsync(place.Code));
            Same(await store.ListComparatorGroupsAsync(place.Code), await copy.ListComparatorGroupsAsync(place.Code));
        }
        foreach (var indicator in await store.ListIndicatorsAsync())
        {
            Same(await store.FindIndicatorAsync(indicator.Code), await copy.FindIndicatorAsync(indicator.Code));
            Same(await store.FindScheduleAsync(indicator.Code), await copy.FindScheduleAsync(indicator.Code));
        }
        foreach (var agency in await store.ListAgenciesAsync())
            Same(await store.FindAgencyAsync(agency.Code), await copy.FindAgencyAsync(agency.Code));
        foreach (var board in await store.ListBoardsAsync())
            Same(await store.FindBoardAsync(board.Id), await copy.FindBoardAsync(board.Id));
        // Codes are matched exactly, as the store's equality does.
        Assert.Null(await copy.FindPlaceAsync(Manchester.ToLowerInvariant()));
        Assert.Null(await copy.FindIndicatorAsync("no-such-indicator"));
        Assert.Null(await copy.FindBoardAsync("no-such-board"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task This_nodes_writes_are_read_at_once(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var silo = await TestSilo.StartAsync(database);
        await silo.SeedMinimalCatalogueAsync();
        var copy = silo.Services.GetRequiredService<ICatalogueReader>();
        var before = await copy.FindBoardAsync("manchester-hwb");
        Assert.Equal("Manchester", (await copy.FindPlaceAsync(Manchester))!.Name);

        await silo.CatalogueWriter.SavePlaceAsync(new Place(Manchester, "City of Manchester", "metropolitan_borough", "E47000001"),
            "admin@example.org", DateTimeOffset.UtcNow);
        await silo.Services.GetRequiredService<BoardDetailsStore>().SetAsync("manchester-hwb", "Cllr A. Chair",
            [new DateOnly(2027, 1, 14)], "admin@example.org", DateTimeOffset.UtcNow);

        Assert.Equal("City of Manchester", (await copy.FindPlaceAsync(Manchester))!.Name);
        Assert.Contains(await copy.ListPlacesAsync(), p => p.Name == "City of Manchester");
        var after = (await copy.FindBoardAsync("manchester-hwb"))!;
        Assert.Null(before!.Chair);
        Assert.Equal("Cllr A. Chair", after.Chair);
        Assert.Equal([new DateOnly(2027, 1, 14)], after.Meetings);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Another_node_reads_an_edit_at_its_next_check_of_the_version(StoreEngine engine)
    {
        await using var nodes = await TwoCopies.StartAsync(engine);
        var (silo, other) = (nodes.Silo, nodes.Other);
        Assert.Equal("Manchester", (await other.FindPlaceAsync(Manchester))!.Name);
        var version = await VersionAsync(silo.Database);

        await silo.CatalogueWriter.SavePlaceAsync(new Place(Manchester, "City of Manchester", "metropolitan_borough", "E47000001"),
            "admin@example.org", DateTimeOffset.UtcNow);
        await silo.CatalogueWriter.SetScheduleAsync(new IndicatorSchedule("delayed-discharge-days", 20, 15, 1000, PublicationRule.OnRelease));

        Assert.Equal(version + 2, await VersionAsync(silo.Database));
        // Past the longest a copy is handed out unchecked, the next read waits for the check and sees both edits.
        await Task.Delay(NodeCatalogue.UsableFor + TimeSpan.FromMilliseconds(50));
        Assert.Equal("City of Manchester", (await other.FindPlaceAsync(Manchester))!.Name);
        Assert.Equal(PublicationRule.OnRelease, (await other.FindScheduleAsync("delayed-discharge-days"))!.Publication);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_node_that_catches_up_reads_another_nodes_edit_at_once(StoreEngine engine)
    {
        await using var nodes = await TwoCopies.StartAsync(engine);
        Assert.Equal("Manchester", (await nodes.Other.FindPlaceAsync(Manchester))!.Name);

        await nodes.Silo.CatalogueWriter.SavePlaceAsync(new Place(Manchester, "City of Manchester", "metropolitan_borough", "E47000001"),
            "admin@example.org", DateTimeOffset.UtcNow);
        // What a request that may write does first (CatalogueCatchUp): no waiting for the copy to age.
        await nodes.Other.CatchUpAsync(CancellationToken.None);

        Assert.Equal("City of Manchester", (await nodes.Other.FindPlaceAsync(Manchester))!.Name);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_code_the_copy_does_not_hold_is_looked_for_again_after_catching_up(StoreEngine engine)
    {
        await using var nodes = await TwoCopies.StartAsync(engine);
        var (silo, other) = (nodes.Silo, nodes.Other);
        Assert.Null(await other.FindIndicatorAsync("smoking-prevalence"));
        Assert.Null(await other.FindPlaceAsync("E08000010"));

        await silo.CatalogueWriter.UpsertIndicatorsAsync([new IndicatorDefinition("smoking-prevalence", "Adults who smoke", "health_and_care",
            IndicatorUnit.Percentage, Polarity.LowerIsBetter, Frequency.Annual, CombineMethod.SingleSource)]);
        await silo.CatalogueWriter.SavePlaceAsync(new Place("E08000010", "Wigan", "metropolitan_borough", "E47000001"),
            "admin@example.org", DateTimeOffset.UtcNow);

        // At once, with the copy young enough to be handed out unchecked: what another node made is found, not 404.
        Assert.Equal("Adults who smoke", (await other.FindIndicatorAsync("smoking-prevalence"))!.Title);
        Assert.Equal("Wigan", (await other.FindPlaceAsync("E08000010"))!.Name);
        Assert.Null(await other.FindBoardAsync("no-such-board"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_write_that_fails_changes_nothing_and_moves_no_version(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var silo = await TestSilo.StartAsync(database);
        await silo.SeedMinimalCatalogueAsync();
        var copy = silo.Services.GetRequiredService<NodeCatalogue>();
        var version = await VersionAsync(silo.Database);

        await Assert.ThrowsAsync<InvalidOperationException>(() => copy.WriteAsync<int>(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("UPDATE places SET name = 'Renamed' WHERE code = @Manchester", new { Manchester }, transaction);
            throw new InvalidOperationException("the write stops half-way");
        }));

        Assert.Equal(version, await VersionAsync(silo.Database));
        Assert.Equal("Manchester", (await copy.FindPlaceAsync(Manchester))!.Name);
        Assert.Equal("Manchester", (await silo.Catalogue.FindPlaceAsync(Manchester))!.Name);
    }

    /// <summary>A silo over a new store with the minimal catalogue, and another node's copy over the same store, told nothing of the silo's writes.</summary>
    private sealed class TwoCopies(TestDatabase database, TestSilo silo) : IAsyncDisposable
    {
        public TestSilo Silo => silo;

        public NodeCatalogue Other { get; } = new(silo.Catalogue, silo.Database, new Scrutiny.Silo.Live.ChangeCount());

        public static async Task<TwoCopies> StartAsync(StoreEngine engine)
        {
            var database = await TestDatabase.CreateAsync(engine);
            try
            {
                var silo = await TestSilo.StartAsync(database);
                var nodes = new TwoCopies(database, silo);
                try
                {
                    await silo.SeedMinimalCatalogueAsync();
                    return nodes;
                }
                catch
                {
                    await silo.DisposeAsync();
                    throw;
                }
            }
            catch
            {
                await database.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await silo.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    private static async Task<long> VersionAsync(Database database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT version FROM catalogue_version");
    }

    // Records hold lists, which compare by reference: compare what they say instead.
    private static void Same<T>(T expected, T actual) => Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
}
