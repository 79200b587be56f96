namespace Scrutiny.Dashboard.Tests.HostileInput;

/// <summary>
/// The promises every answer keeps, whatever was sent: no server error (answered or logged), no unpublished value
/// for a caller not entitled to it (unless the request carried the same text, which an answer may echo), and
/// nothing written by a refused request.
/// </summary>
public static class FuzzChecks
{
    public const string ServerError = "5xx answer";
    public const string Logged = "unhandled exception logged";
    public const string Leak = "unpublished value in the answer";
    public const string Written = "refused request wrote to the store";

    public static IEnumerable<FuzzFailure> Check(
        FuzzRequest request, FuzzAnswer? answer, IReadOnlyList<string> logged, IReadOnlyList<string> changedTables)
    {
        // The tests run the app as Development, where minimal APIs throw the 400 they refuse a request with
        // (RouteHandlerOptions.ThrowOnBadRequest) and the developer exception page logs it at Error; in production the
        // same 400 is a Debug line. Only that exception, and only with a 4xx answer, is no server error.
        var errors = logged.Where(e => !(answer is { Status: >= 400 and < 500 }
            && e.Contains("Microsoft.AspNetCore.Http.BadHttpRequestException", StringComparison.Ordinal))).ToList();
        if (answer is { Status: >= 500 })
            yield return new FuzzFailure(ServerError, request, answer, string.Join("\n", errors));
        else if (errors.Count > 0)
            yield return new FuzzFailure(Logged, request, answer, string.Join("\n", errors));
        if (answer is not null && !request.MaySeeUnpublished()
            && Embargo.Find(answer.Body + "\n" + answer.Headers) is { } marker && !request.Carries(marker))
            yield return new FuzzFailure(Leak, request, answer, marker);
        var written = changedTables.Where(t => !IsKeptAnswer(request, answer, t)).ToList();
        if (answer is { Status: >= 400 and < 500 } && written.Count > 0)
            yield return new FuzzFailure(Written, request, answer, string.Join("\n", written));
    }

    /// <summary>
    /// The returns API keeps its first answer to an Idempotency-Key, a refusal of the batch (422, or 409 for a second
    /// source) included, so that a retry gets the same answer (docs/api.md): that row is the contract, not a half-write.
    /// </summary>
    private static bool IsKeptAnswer(FuzzRequest request, FuzzAnswer? answer, string changedTable) =>
        changedTable.StartsWith("idempotency_keys:", StringComparison.Ordinal)
        && request is { Method: "POST", Endpoint.Pattern: "/api/v1/returns" }
        && answer is { Status: 409 or 422 }
        && request.Headers.Any(h => h.Name.Equals("Idempotency-Key", StringComparison.OrdinalIgnoreCase));

    /// <summary>A log line at Error or Critical: what ASP.NET Core writes for an unhandled exception, and what the app writes for its own failures.</summary>
    public static bool IsError(string line) => line.StartsWith("Error ", StringComparison.Ordinal) || line.StartsWith("Critical ", StringComparison.Ordinal);
}
