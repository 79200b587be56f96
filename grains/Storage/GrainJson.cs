using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scrutiny.Grains.Storage;

/// <summary>
/// One JSON shape for stored grain state, audit details and the API: property names as the records spell them, enum
/// values as the catalogue names them (snake_case), and never a CLR type name, so that renaming a class strands no row.
/// </summary>
public static class GrainJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(new Catalogue.CatalogueNames.JsonPolicy()));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
