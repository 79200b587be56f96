using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scrutiny.Grains.Runtime;

/// <summary>One JSON shape for grain state and for the wire: snake_case enum names, as in the catalogue files.</summary>
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
