using Microsoft.AspNetCore.Http;

namespace Scrutiny.Silo.Api;

/// <summary>The problem+json answers the catalogue API gives, worded the same way everywhere.</summary>
public static class ApiResults
{
    public static IResult NotFound(string detail) =>
        Results.Problem(title: "Not found.", detail: detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>422 listing every problem, so that the caller fixes them all at once.</summary>
    public static IResult Invalid<TProblem>(IReadOnlyList<TProblem> errors) =>
        Results.Problem(
            title: "The request has problems; nothing was written.",
            detail: $"{errors.Count} problem(s).",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    public static IResult Conflict(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict, extensions: extensions);
}
