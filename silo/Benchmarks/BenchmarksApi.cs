using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Api.Places;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tables;

using Scrutiny.Silo.Publication;

namespace Scrutiny.Silo.Benchmarks;

public static class BenchmarksApi
{
    public static IEndpointRouteBuilder MapBenchmarksApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/places/{place}/indicators/{indicator}/benchmarks", GetAsync)
            .ForAnyone()
            .Produces<IndicatorBenchmarks>(StatusCodes.Status200OK, "application/json", ExportFormats.CsvMediaType, ExportFormats.XlsxMediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetBenchmarks")
            .WithSummary("The place against its parent and England (better/similar/worse by polarity, from the place's 95% interval), its comparator groups (mean, range, rank) and places of its type (quintile), for ?period= or the latest. ?format=csv for a spreadsheet, ?format=xlsx for a workbook.");

        endpoints.MapComparatorGroupsApi();
        return endpoints;
    }

    private static async Task<IResult> GetAsync(string place, string indicator, string? period, string? format,
        ClaimsPrincipal user, ICatalogueReader catalogue, DataViews views, BenchmarkService benchmarks, CancellationToken cancellationToken)
    {
        if (!ExportFormats.TryParse(format, out var exportFormat)) return ExportFormats.Unknown(format);
        if (await PlacesApi.FindAsync(place, indicator, catalogue, cancellationToken) is { } missing) return missing;
        var definition = (await catalogue.FindIndicatorAsync(indicator, cancellationToken))!;
        if (period is not null && !Grains.Catalogue.Period.TryParse(period, definition.Frequency, out _))
            return Results.Problem(title: "Unknown period.", statusCode: StatusCodes.Status400BadRequest,
                detail: $"period must be a {Grains.Catalogue.CatalogueNames.Name(definition.Frequency)} period such as {Grains.Catalogue.Period.Example(definition.Frequency)}.");

        var outcomes = views.For(user);
        var result = (await benchmarks.ForAsync(outcomes, place, indicator, period, cancellationToken))!;
        return exportFormat != ExportFormat.Json
            ? exportFormat.Table($"{place}_{indicator}_benchmarks", csv => BenchmarksCsv.Write(csv, definition, result),
                BenchmarksCsv.About(place, definition, TableViews.Of(outcomes)))
            : Results.Ok(result);
    }
}
