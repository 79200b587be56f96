using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Api;

/// <summary>Administrators add places and their boards over the API, so that agencies can then be given them.</summary>
public sealed class PlaceAdministrationApiTests
{
    private const string Manchester = "E08000003";
    private const string Salford = "E08000006";

    private static async Task<IReadOnlyList<(string?, string?)>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString()))];
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Places_and_boards_are_written_by_administrators_only(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        var place = new { name = "Salford", type = "metropolitan_borough", parent = (string?)null };
        var board = new { name = "Salford Health and Wellbeing Board", place = Manchester };

        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsync($"/api/v1/places/{Salford}", api.AgencyKey, place)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PutAsync($"/api/v1/places/{Salford}", null, place)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsync("/api/v1/boards/salford-hwb", api.AgencyKey, board)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PutAsync("/api/v1/boards/salford-hwb", null, board)).StatusCode);
        Assert.Equal(0, await api.CountAsync($"SELECT COUNT(*) FROM places WHERE code = '{Salford}'"));
        Assert.Equal(0, await api.CountAsync("SELECT COUNT(*) FROM boards WHERE id = 'salford-hwb'"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_place_and_its_board_are_created_then_replaced_with_an_audit_row_per_change_and_an_agency_joins_the_board(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);

        var created = await api.PutAsync($"/api/v1/places/{Salford}", api.AdminKey, new { name = "Salford", type = "metropolitan_borough", parent = Manchester });
        var replaced = await api.PutAsync($"/api/v1/places/{Salford}", api.AdminKey, new { code = Salford, name = "City of Salford", type = "metropolitan_borough", parent = (string?)null });
        var again = await api.PutAsync($"/api/v1/places/{Salford}", api.AdminKey, new { name = "City of Salford", type = "metropolitan_borough" });
        var board = await api.PutAsync("/api/v1/boards/salford-hwb", api.AdminKey, new { name = "Salford Board", place = Salford });
        var renamed = await api.PutAsync("/api/v1/boards/salford-hwb", api.AdminKey, new { id = "salford-hwb", name = "Salford Health and Wellbeing Board", place = Salford });
        var agency = await api.PutAsync("/api/v1/agencies/SCC", api.AdminKey,
            new { name = "Salford City Council", sector = "local_government", places = new[] { Salford }, indicators = new[] { "delayed-discharge-days" } });

        Assert.Equal((HttpStatusCode.Created, "/api/v1/places/E08000006"), (created.StatusCode, created.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((HttpStatusCode.Created, "/api/v1/boards/salford-hwb"), (board.StatusCode, board.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, agency.StatusCode);
        var salford = (await (await api.GetAsync("/api/v1/places", api.AgencyKey)).Content.ReadFromJsonAsync<JsonElement>())
            .EnumerateArray().Single(p => p.GetProperty("code").GetString() == Salford);
        Assert.Equal(("City of Salford", "metropolitan_borough", JsonValueKind.Null),
            (salford.GetProperty("name").GetString(), salford.GetProperty("type").GetString(), salford.GetProperty("parentCode").ValueKind));
        Assert.Equal(1, await api.CountAsync("SELECT COUNT(*) FROM board_members WHERE board_id = 'salford-hwb' AND agency_code = 'SCC'"));
        // The third PUT of the place changed nothing, so it wrote no audit row.
        Assert.Equal(2, await api.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE subject = '{Salford}' AND action IN ('place_created', 'place_updated')"));
        Assert.Equal(2, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE subject = 'salford-hwb' AND action IN ('board_created', 'board_updated')"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Bad_places_and_boards_are_refused_naming_each_field_and_nothing_is_written(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);

        var place = await api.PutAsync("/api/v1/places/salford", api.AdminKey, new { code = Salford, name = " ", type = "Metropolitan Borough", parent = "E99999999" });
        var cycle = await api.PutAsync($"/api/v1/places/{Manchester}", api.AdminKey, new { name = "Manchester", type = "metropolitan_borough", parent = Manchester });
        var board = await api.PutAsync("/api/v1/boards/Salford_HWB", api.AdminKey, new { id = "other", place = "E99999999" });
        var noPlace = await api.PutAsync("/api/v1/boards/salford-hwb", api.AdminKey, new { name = "Salford Board" });

        Assert.Equal([("code", "invalid_code"), ("code", "mismatch"), ("name", "required"), ("type", "invalid_type"), ("parent", "unknown_place")],
            await ErrorsAsync(place));
        Assert.Equal([("parent", "cycle")], await ErrorsAsync(cycle));
        Assert.Equal([("id", "invalid_id"), ("id", "mismatch"), ("name", "required"), ("place", "unknown_place")], await ErrorsAsync(board));
        Assert.Equal([("place", "required")], await ErrorsAsync(noPlace));
        Assert.Equal(0, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'place%' OR action LIKE 'board%'"));
    }
}
