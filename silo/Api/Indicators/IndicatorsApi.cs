using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Api.Places;
using Scrutiny.Silo.Hosting;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Silo.Api.Indicators;

public static class IndicatorsApi
{
    /// <summary>A catalogue of a few hundred indicators is tens of kilobytes; anything near this is not a catalogue.</summary>
    public const int MaxImportBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/indicators", ListAsync)
            .ForAnyone()
            .Produces<IReadOnlyList<IndicatorResource>>(StatusCodes.Status200OK, "application/json", ExportFormats.CsvMediaType, ExportFormats.XlsxMediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("ListIndicators")
            .WithSummary("Every indicator of the catalogue with its schedule (dueDays, lockDays) and target, by theme and code. ?format=csv in the columns the catalogue import reads, ?format=xlsx for the same rows as a workbook.");

        endpoints.MapGet("/indicators/{code}", GetAsync)
            .ForAnyone()
            .Produces<IndicatorResource>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetIndicator")
            .WithSummary("One indicator with its schedule and target.");

        endpoints.MapPost("/indicators", CreateAsync)
            .ForAdministrators()
            .Accepts<IndicatorBody>("application/json")
            .Produces<IndicatorResource>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("CreateIndicator")
            .WithSummary("Add an indicator to the catalogue; 409 if the code is taken.");

        endpoints.MapPut("/indicators/{code}", PutAsync)
            .ForAdministrators()
            .Accepts<IndicatorBody>("application/json")
            .Produces<IndicatorResource>()
            .Produces<IndicatorResource>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("PutIndicator")
            .WithSummary("Create or replace an indicator's definition, schedule and target.");

        endpoints.MapPost("/indicators/import", ImportAsync)
            .ForAdministrators()
            .Accepts<string>("text/csv")
            .Produces<IndicatorsImportResult>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("ImportIndicators")
            .WithSummary("Create or replace indicators from a catalogue CSV, all or none.");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(string? format, ICatalogueReader catalogue, CancellationToken cancellationToken)
    {
        if (!ExportFormats.TryParse(format, out var exportFormat)) return ExportFormats.Unknown(format);
        var schedules = (await catalogue.ListSchedulesAsync(cancellationToken)).ToDictionary(s => s.Code, StringComparer.Ordinal);
        var indicators = (await catalogue.ListIndicatorsAsync(cancellationToken))
            .Select(i => IndicatorResource.From(i, schedules.GetValueOrDefault(i.Code))).ToList();
        return exportFormat != ExportFormat.Json
            ? exportFormat.Table("indicators", csv => IndicatorCatalogueCsv.Write(csv, indicators), IndicatorCatalogueCsv.About())
            : Results.Ok(indicators);
    }

    private static async Task<IResult> GetAsync(string code, ICatalogueReader catalogue, CancellationToken cancellationToken)
    {
        if (await catalogue.FindIndicatorAsync(code, cancellationToken) is not { } indicator)
            return ApiResults.NotFound($"No indicator has the code '{code}'.");
        var schedule = await catalogue.FindScheduleAsync(code, cancellationToken);
        return Results.Ok(IndicatorResource.From(indicator, schedule));
    }

    private static Task<IResult> CreateAsync(IndicatorBody body, ClaimsPrincipal user, CatalogueWriter writer, ActiveIndicatorGrains grains,
        TimeProvider time, CancellationToken cancellationToken) => SaveOneAsync(body, null, user, writer, grains, time, cancellationToken);

    private static Task<IResult> PutAsync(string code, IndicatorBody body, ClaimsPrincipal user, CatalogueWriter writer, ActiveIndicatorGrains grains,
        TimeProvider time, CancellationToken cancellationToken) => SaveOneAsync(body, code, user, writer, grains, time, cancellationToken);

    private static async Task<IResult> SaveOneAsync(IndicatorBody body, string? routeCode, ClaimsPrincipal user, CatalogueWriter writer,
        ActiveIndicatorGrains grains, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        if (IndicatorBodyValidator.Validate(body, routeCode, (f, c, m) => problems.Add(new FieldProblem(f, c, m))) is not { } indicator)
            return ApiResults.Invalid(problems);

        var saved = await writer.SaveIndicatorsAsync([indicator], createOnly: routeCode is null, user.Actor(), time.GetUtcNow(), cancellationToken);
        if (!saved.Written) return IndicatorConflicts.Result(saved);
        await grains.CatalogueChangedAsync(saved.Updated);
        var resource = IndicatorResource.From(indicator.Definition, indicator.Schedule);
        return saved.Created.Count > 0 ? Results.Created($"/api/v1/indicators/{resource.Code}", resource) : Results.Ok(resource);
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, ClaimsPrincipal user, CatalogueWriter writer, ActiveIndicatorGrains grains,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "text/csv", StringComparison.OrdinalIgnoreCase))
            return Results.Problem(title: "Send the catalogue as text/csv.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        if (await BoundedBody.ReadAsync(request, MaxImportBytes, cancellationToken) is not { } file)
            return Results.Problem(title: "The file is too large.", detail: $"A catalogue import is at most {MaxImportBytes} bytes.",
                statusCode: StatusCodes.Status413PayloadTooLarge);

        var (rows, problems) = IndicatorCatalogueCsv.Read(file);
        var errors = problems.ToList();
        var indicators = new List<(IndicatorDefinition, IndicatorSchedule)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, body) in rows)
        {
            if (body.Code is { } code && !seen.TryAdd(code, row))
                errors.Add(new RowProblem(row, "code", "duplicate", $"Indicator '{code}' is already in row {seen[code]}."));
            if (IndicatorBodyValidator.Validate(body, null,
                    (f, c, m) => errors.Add(new RowProblem(row, IndicatorCatalogueCsv.ColumnFor(f), c, m))) is { } indicator)
                indicators.Add(indicator);
        }
        if (errors.Count > 0) return ApiResults.Invalid(errors.OrderBy(e => e.Row).ToList());

        var saved = await writer.SaveIndicatorsAsync(indicators, createOnly: false, user.Actor(), time.GetUtcNow(), cancellationToken);
        if (!saved.Written) return IndicatorConflicts.Result(saved);
        await grains.CatalogueChangedAsync(saved.Updated);
        return Results.Ok(new IndicatorsImportResult(saved.Created, saved.Updated, saved.Unchanged));
    }

}
