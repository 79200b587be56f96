using System.Net;
using Scrutiny.Dashboard.Admin;
using Scrutiny.Dashboard.Tests.Infrastructure;

namespace Scrutiny.Dashboard.Tests.Admin;

/// <summary>
/// What an administrator can type into the audit log's address: a page that is no page number, or the last day of the
/// calendar, is answered (a 400 naming the field, or the search), never a 500, and the typed text stays out of the log.
/// </summary>
public sealed class AuditLogQueryTests
{
    [Theory]
    [InlineData("x")]
    [InlineData("1e10")]
    [InlineData("99999999999")]
    [InlineData("1%0D%0AError%20Forged%20line")]
    public async Task A_page_that_is_no_page_number_is_a_400_naming_it_and_its_text_is_not_logged(string page)
    {
        var logs = new CapturingLogs();
        await using var app = await DashboardApp.StartLoggingAsync(logs);
        using var client = await SignedInAsync(app);

        using var response = await client.GetAsync($"{AdminPaths.Audit}?page={page}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter the page as a whole number", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain(logs.Messages, m => m.Contains("Forged", StringComparison.Ordinal) || m.Contains("1e10", StringComparison.Ordinal)
            || m.Contains("99999999999", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(AdminPaths.Audit)]
    [InlineData(AdminPaths.AuditCsv)]
    public async Task The_last_day_of_the_calendar_is_a_search_not_an_error(string path)
    {
        await using var app = await DashboardApp.StartAsync();
        using var client = await SignedInAsync(app);

        using var response = await client.GetAsync($"{path}?to=9999-12-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<FormClient> SignedInAsync(DashboardApp app)
    {
        var keys = await AdminCatalogue.SeedAsync(app);
        var client = new FormClient(app);
        using var signIn = await client.PostFormAsync("/sign-in", "sign-in", ("api-key", keys.Admin));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }
}
