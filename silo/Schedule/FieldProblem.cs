using Microsoft.AspNetCore.Http;

namespace Scrutiny.Silo.Schedule;

/// <summary>A problem with one field of a request, listed in a 422's <c>errors</c>.</summary>
public sealed record FieldProblem(string Field, string Code, string Message)
{
    /// <summary>422 <c>application/problem+json</c> listing every problem, as the returns API answers.</summary>
    public static IResult Unprocessable(IReadOnlyList<FieldProblem> problems) => Results.Problem(
        title: "The request has problems.",
        detail: $"{problems.Count} problem(s).",
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?> { ["errors"] = problems });

    public static IResult NotFound(string detail) =>
        Results.Problem(title: "Not found.", detail: detail, statusCode: StatusCodes.Status404NotFound);
}
