namespace Scrutiny.Dashboard.Tests.HostileInput;

/// <summary>
/// Defects found before this suite and being fixed on other branches (issue 13): a failure that matches one is still
/// a failure, but its report says which, so that a new defect stands out from those already in hand.
/// </summary>
public static class KnownDefects
{
    public static string? Match(FuzzFailure failure)
    {
        var request = failure.Request;
        var query = Uri.UnescapeDataString(request.PathAndQuery);
        var is5xx = failure.Kind is FuzzChecks.ServerError or FuzzChecks.Logged;
        if (is5xx && request.Path.StartsWith("/csp-reports", StringComparison.Ordinal) && request.Body?.Text.Any(char.IsSurrogate) == true)
            return "500 on POST /csp-reports with a lone surrogate";
        if (is5xx && request.Endpoint.Pattern.Contains("audit", StringComparison.Ordinal) && query.Contains("9999-12-31", StringComparison.Ordinal))
            return "audit search to=9999-12-31";
        if (is5xx && request.Endpoint.Pattern == "/admin/audit" && request.Query.Any(q => q.Name == "page"))
            return "/admin/audit?page=x|1e10|99999999999";
        if (is5xx && request.Endpoint.Pattern == "/sign-in" && request.Query.Any(q => q.Name.Equals("ReturnUrl", StringComparison.OrdinalIgnoreCase)))
            return "sign-in ReturnUrl=%2F%C3%A9";
        return null;
    }
}
