using System.Net;
using System.Text;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Security;

namespace Scrutiny.Dashboard.Tests;

/// <summary>
/// What the Content-Security-Policy blocks in people's browsers reaches the log: <c>POST /csp-reports</c> takes both
/// report formats from anyone, logs the directive and what was blocked, echoes nothing, and refuses anything else.
/// </summary>
public sealed class CspReportTests
{
    private const string ReportUriBody =
        """{"csp-report":{"document-uri":"https://scrutiny.example.org/places/E08000003","violated-directive":"script-src-elem","effective-directive":"script-src-elem","original-policy":"default-src 'self'","blocked-uri":"https://evil.example/x.js","status-code":200}}""";

    private const string ReportingApiBody =
        """[{"type":"csp-violation","age":10,"url":"https://scrutiny.example.org/compare","user_agent":"Chromium","body":{"documentURL":"https://scrutiny.example.org/compare","blockedURL":"inline","effectiveDirective":"style-src-elem","disposition":"enforce","statusCode":200}},{"type":"deprecation","body":{"id":"x"}}]""";

    [Fact]
    public async Task Both_report_formats_are_accepted_from_anyone_and_logged_as_warnings_with_nothing_echoed()
    {
        var logs = new CapturingLogs();
        await using var app = await DashboardApp.StartLoggingAsync(logs);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        using var reportUri = await http.PostAsync(CspReports.Path, Body(ReportUriBody, "application/csp-report"), TestContext.Current.CancellationToken);
        using var reportingApi = await http.PostAsync(CspReports.Path, Body(ReportingApiBody, "application/reports+json; charset=utf-8"), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (reportUri.StatusCode, reportingApi.StatusCode));
        Assert.Empty(await reportUri.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var warnings = logs.Messages.Where(m => m.StartsWith($"Warning {typeof(CspReports).FullName}:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("script-src-elem blocked https://evil.example/x.js on https://scrutiny.example.org/places/E08000003"));
        Assert.Contains(warnings, w => w.Contains("style-src-elem blocked inline on https://scrutiny.example.org/compare"));
    }

    [Fact]
    public async Task A_report_cannot_write_lines_of_its_own_into_the_log()
    {
        var logs = new CapturingLogs();
        await using var app = await DashboardApp.StartLoggingAsync(logs);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var forged = ReportUriBody.Replace("https://evil.example/x.js", "x\\nWarning Scrutiny: forged line" + new string('a', 1000), StringComparison.Ordinal);

        using var response = await http.PostAsync(CspReports.Path, Body(forged, "application/csp-report"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var warning = Assert.Single(logs.Messages, m => m.Contains("Content-Security-Policy violation", StringComparison.Ordinal));
        Assert.DoesNotContain('\n', warning.TrimEnd());
        Assert.DoesNotContain(new string('a', CspViolation.MaxFieldLength + 1), warning);
    }

    [Theory]
    [InlineData("application/json", 1, HttpStatusCode.UnsupportedMediaType)]
    [InlineData("text/plain", 1, HttpStatusCode.UnsupportedMediaType)]
    [InlineData(null, 1, HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/csp-report", CspReports.MaxBodyBytes + 1, HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("application/reports+json", CspReports.MaxBodyBytes + 1, HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("application/csp-report", 0, HttpStatusCode.BadRequest)]
    public async Task A_body_of_another_type_too_large_or_not_a_report_is_refused(string? type, int bytes, HttpStatusCode status)
    {
        await using var app = await DashboardApp.StartAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        // A report padded with spaces to the size asked for (0: no JSON at all).
        var text = bytes == 0 ? "not json" : bytes == 1 ? ReportUriBody : ReportUriBody.PadRight(bytes);
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = type is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type);

        using var response = await http.PostAsync(CspReports.Path, content, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        // Not a page: the refusal carries no problem page that could echo anything.
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""{"csp-report":{"document-uri":"\ud800"}}""", "application/csp-report", "document-uri")]
    [InlineData("""{"csp-report":{"blocked-uri":"x\udfff"}}""", "application/csp-report", "blocked-uri")]
    [InlineData("""[{"type":"csp-violation","body":{"effectiveDirective":"\ud800x"}}]""", "application/reports+json", "effectiveDirective")]
    [InlineData("""[{"type":"\udc00"}]""", "application/reports+json", "type")]
    public async Task A_field_escaping_half_a_surrogate_pair_is_refused_naming_the_field(string json, string type, string field)
    {
        await using var app = await DashboardApp.StartAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await http.PostAsync(CspReports.Path, Body(json, type), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"The field {field} is not text", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Reports_fall_under_the_per_address_rate_limit()
    {
        await using var app = await DashboardApp.StartAsync(new Dictionary<string, string?> { ["Scrutiny:RateLimits:PageRequestsPerMinute"] = "2" });
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.PostAsync(CspReports.Path, Body(ReportUriBody, "application/csp-report"), TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Every_page_names_the_report_endpoint_in_its_policy()
    {
        await using var app = await DashboardApp.StartAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        using var page = await http.GetAsync("/sign-in", TestContext.Current.CancellationToken);

        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains($"report-uri {CspReports.Path}", policy);
        Assert.Contains($"report-to {CspReports.EndpointName}", policy);
        Assert.Equal([$"{CspReports.EndpointName}=\"{CspReports.Path}\""], page.Headers.GetValues("Reporting-Endpoints"));
    }

    private static StringContent Body(string json, string type)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type);
        return content;
    }
}
