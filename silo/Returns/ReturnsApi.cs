using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Security;

using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Returns;

/// <summary><c>POST /api/v1/returns</c>: the v1 submission contract (see docs/api.md).</summary>
public static class ReturnsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapReturnsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/returns", SubmitAsync)
            .RequireAuthorization(ScrutinyAuth.AgencyPolicy)
            .RequireReturnsBudget()
            .Accepts<ReturnsBatch>("application/json", "text/csv", XlsxWorkbook.MediaType)
            .Produces<ReturnsImportResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .Produces(StatusCodes.Status429TooManyRequests)
            .WithName("SubmitReturns")
            .WithSummary("Submit a batch of indicator returns (JSON, CSV or an .xlsx workbook) for the key's agency.");
        return endpoints;
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, ReturnsImporter importer, IdempotencyStore idempotency,
        IdempotentReplay replay, ReturnsOptions options, ICatalogueReader catalogue, bool? dryRun)
    {
        var request = context.Request;
        var source = SourceOf(request.ContentType);
        if (source is null)
            return Problem(StatusCodes.Status415UnsupportedMediaType, $"Send returns as application/json, text/csv (UTF-8) or {XlsxWorkbook.MediaType}.");
        if (request.ContentLength > options.MaxRequestBytes) return TooLarge(options);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = options.MaxRequestBytes;

        var agency = context.User.AgencyCode()!;
        var submittedBy = context.User.Actor();
        string? key = request.Headers[IdempotencyHeader];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // What makes two requests "the same": the body, its media type and whether it is a dry run.
        hash.AppendData(Encoding.UTF8.GetBytes($"{source}\n{dryRun == true}\n"));
        var body = new HashingStream(request.Body, hash);
        string? requestHash = null;
        async Task<string> RequestHashAsync()
        {
            if (requestHash is null)
            {
                await body.DrainAsync(context.RequestAborted);
                requestHash = Convert.ToHexString(hash.GetHashAndReset());
            }
            return requestHash;
        }

        var holdsKey = false;
        try
        {
            if (!string.IsNullOrEmpty(key))
            {
                var decision = await replay.DecideAsync(agency, key, RequestHashAsync, context.RequestAborted);
                switch (decision.Verdict)
                {
                    case KeyVerdict.Replay: return Answer(decision.Answer!.StatusCode, decision.Answer.Response);
                    case KeyVerdict.StillRunning: return StillRunning(key);
                    case KeyVerdict.OtherRequest:
                        return Problem(StatusCodes.Status409Conflict, $"{IdempotencyHeader} '{key}' was used before with a different request.");
                }
                holdsKey = true;
            }

            var rows = source switch
            {
                ReturnsSource.Csv => CsvReturnsReader.ReadAsync(body, context.RequestAborted),
                ReturnsSource.Xlsx => XlsxReturnsReader.ReadAsync(body, await catalogue.FrequenciesAsync(context.RequestAborted), context.RequestAborted),
                _ => JsonReturnsReader.ReadAsync(body, context.RequestAborted),
            };
            var claim = holdsKey ? new IdempotencyClaim(key!, RequestHashAsync) : null;
            var outcome = await importer.ImportAsync(new ReturnsImportRequest(agency, submittedBy, source.Value, rows, dryRun ?? false, claim), context.RequestAborted);
            var status = outcome.Result is null ? RejectionStatus(outcome.Problems) : StatusCodes.Status200OK;
            var json = outcome.Result is { } result
                ? ReturnsImportResponse.Json(result, outcome.Warnings)
                : ProblemJson(status, "The batch has problems; nothing was written.",
                    $"{outcome.Problems.Count} problem(s) in {outcome.Problems.Select(p => p.Row).Distinct().Count()} row(s).", outcome.Problems);
            if (holdsKey) await idempotency.CompleteAsync(agency, key!, new IdempotentAnswer(await RequestHashAsync(), status, json));
            return Answer(status, json);
        }
        catch (IdempotencyKeyLostException)
        {
            return StillRunning(key!);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            if (holdsKey) await idempotency.ReleaseAsync(agency, key!);
            return TooLarge(options);
        }
        catch
        {
            // Frees the key only if nothing committed; a key linked to its batch waits for the batch's answer.
            if (holdsKey) await idempotency.ReleaseAsync(agency, key!);
            throw;
        }
        finally
        {
            if (holdsKey) idempotency.EndHere(agency, key!);
        }
    }

    private static IResult StillRunning(string key) =>
        Problem(StatusCodes.Status409Conflict, $"A request with {IdempotencyHeader} '{key}' is still being processed; retry shortly.");

    // A second source for a single-source indicator conflicts with the data already there (409); anything else is a
    // problem with the batch itself (422).
    private static int RejectionStatus(IReadOnlyList<RowProblem> problems) =>
        problems.Any(p => p.Code == BatchValidation.OtherSource) ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;

    private static ReturnsSource? SourceOf(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) && (media.Charset.Length == 0 || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            ? media.MediaType.Value?.ToLowerInvariant() switch
            {
                "application/json" => ReturnsSource.Json,
                "text/csv" => ReturnsSource.Csv,
                XlsxWorkbook.MediaType => ReturnsSource.Xlsx,
                _ => null,
            }
            : null;

    private static IResult Answer(int status, string json) =>
        Results.Text(json, status == StatusCodes.Status200OK ? "application/json" : "application/problem+json", Encoding.UTF8, status);

    private static IResult TooLarge(ReturnsOptions options) =>
        Problem(StatusCodes.Status413PayloadTooLarge, $"The body is over the limit of {options.MaxRequestBytes:N0} bytes; split the batch.");

    private static IResult Problem(int status, string title) => Answer(status, ProblemJson(status, title, null, null));

    private static string ProblemJson(int status, string title, string? detail, IReadOnlyList<RowProblem>? errors) =>
        JsonSerializer.Serialize(new ReturnsProblem(status, title, detail, errors), GrainJson.Options);
}

/// <summary>The 200 answer: what the import did, and values worth a second look (never a rejection).</summary>
public sealed record ReturnsImportResponse(string BatchId, int Imported, int Updated, int Unchanged, bool DryRun, IReadOnlyList<RowProblem> Warnings)
{
    public static ReturnsImportResponse From(ReturnsImportResult result, IReadOnlyList<RowProblem> warnings) =>
        new(result.BatchId, result.Imported, result.Updated, result.Unchanged, result.DryRun, warnings);

    /// <summary>The body as sent, and as kept with the batch for a retry after a crash: one serialisation for both.</summary>
    public static string Json(ReturnsImportResult result, IReadOnlyList<RowProblem> warnings) =>
        JsonSerializer.Serialize(From(result, warnings), GrainJson.Options);
}

/// <summary>RFC 9457 problem details, with the rows' problems as <c>errors</c>.</summary>
public sealed record ReturnsProblem(int Status, string Title, string? Detail, IReadOnlyList<RowProblem>? Errors)
{
    public string Type => "about:blank";
}
