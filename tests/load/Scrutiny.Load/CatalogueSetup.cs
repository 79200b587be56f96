namespace Scrutiny.Load;

/// <summary>
/// Makes the catalogue in the product through its administration API, as an administrator would: places (parents first),
/// a board for each local authority, indicators published on acceptance (so that anonymous watchers hear of them), agencies
/// on their boards with their indicators, and a key for each agency that submits.
/// </summary>
public static class CatalogueSetup
{
    private const int Parallel = 4;

    public static async Task MakeAsync(ProductClient client, string adminKey, EnglandCatalogue catalogue)
    {
        foreach (var place in catalogue.Places.Where(p => p.Board is null))
            await PutPlaceAsync(client, adminKey, place);
        await EachAsync(catalogue.Authorities, place => PutPlaceAsync(client, adminKey, place));
        await EachAsync(catalogue.Authorities, place =>
            client.SendJsonAsync(HttpMethod.Put, $"/api/v1/boards/{place.Board}", adminKey, new { name = $"{place.Name} Partnership Board", place = place.Code }));
        await EachAsync(catalogue.Indicators, indicator => client.SendJsonAsync(HttpMethod.Post, "/api/v1/indicators", adminKey, new
        {
            code = indicator.Code, title = indicator.Title, theme = indicator.Theme, unit = indicator.Unit, polarity = indicator.Polarity,
            frequency = indicator.Frequency, combine = indicator.Combine, publication = "on_acceptance",
        }));
        await EachAsync(catalogue.Agencies, agency => client.SendJsonAsync(HttpMethod.Put, $"/api/v1/agencies/{agency.Code}", adminKey,
            new { name = agency.Name, sector = agency.Sector, places = agency.Places, indicators = agency.Indicators }));
    }

    /// <summary>A new key for each agency, by code.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> KeysAsync(ProductClient client, string adminKey, IEnumerable<string> agencies)
    {
        var keys = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        await EachAsync(agencies.Distinct(), async agency =>
        {
            var created = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/agencies/{agency}/keys", adminKey, new { label = "load" });
            keys[agency] = created.GetProperty("key").GetString()!;
        });
        return keys;
    }

    private static Task PutPlaceAsync(ProductClient client, string adminKey, CataloguePlace place) =>
        client.SendJsonAsync(HttpMethod.Put, $"/api/v1/places/{place.Code}", adminKey, new { name = place.Name, type = place.Type, parent = place.Parent });

    private static Task EachAsync<T, TResult>(IEnumerable<T> items, Func<T, Task<TResult>> action) =>
        System.Threading.Tasks.Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (item, _) => await action(item));

    private static Task EachAsync<T>(IEnumerable<T> items, Func<T, Task> action) =>
        System.Threading.Tasks.Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (item, _) => await action(item));
}
