using System.Net.Http.Json;
using System.Text.Json;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Tests.Api;

public sealed class CatalogueOpenApiTests
{
    [Fact]
    public async Task Every_catalogue_endpoint_is_described_in_the_openapi_document()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);

        var document = await api.Node.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Value.TryGetProperty("operationId", out _))
                .Select(o => (path.Name, o.Name, o.Value.GetProperty("operationId").GetString())))
            .ToList();
        var expected = new HashSet<(string, string, string?)>
        {
            ("/api/v1/places", "get", "ListPlaces"),
            ("/api/v1/places/{code}", "put", "PutPlace"),
            ("/api/v1/boards/{id}", "put", "PutBoard"),
            ("/api/v1/places/{place}/indicators", "get", "ListPlaceIndicators"),
            ("/api/v1/places/{place}/indicators/{indicator}/series", "get", "GetSeries"),
            ("/api/v1/places/{place}/indicators/{indicator}/revisions", "get", "GetRevisions"),
            ("/api/v1/indicators", "get", "ListIndicators"),
            ("/api/v1/indicators", "post", "CreateIndicator"),
            ("/api/v1/indicators/{code}", "get", "GetIndicator"),
            ("/api/v1/indicators/{code}", "put", "PutIndicator"),
            ("/api/v1/indicators/import", "post", "ImportIndicators"),
            ("/api/v1/agencies", "get", "ListAgencies"),
            ("/api/v1/agencies/{code}", "get", "GetAgency"),
            ("/api/v1/agencies/{code}", "put", "PutAgency"),
        };
        Assert.Empty(expected.Except(operations));
        var series = document.GetProperty("paths").GetProperty("/api/v1/places/{place}/indicators/{indicator}/series").GetProperty("get");
        Assert.True(series.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/csv", out _));
        Assert.True(series.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty(Scrutiny.Silo.Returns.XlsxWorkbook.MediaType, out _));
        Assert.True(series.GetProperty("responses").TryGetProperty("404", out _));
    }
}
