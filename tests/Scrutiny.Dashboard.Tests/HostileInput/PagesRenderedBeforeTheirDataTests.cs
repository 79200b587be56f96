using System.Net;
using Scrutiny.Dashboard.Tests.Authorisation;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Store;

namespace Scrutiny.Dashboard.Tests.HostileInput;

/// <summary>
/// Pages that rendered half-loaded state and answered 500 on PostgreSQL only: Blazor renders a page while its
/// OnInitializedAsync awaits, which on SQLite (reads that complete synchronously) never happens in between, and on
/// PostgreSQL does. Found by <see cref="HostileInputTests"/>; asked many times because it depended on timing.
/// </summary>
public sealed class PagesRenderedBeforeTheirDataTests
{
    private const int Tries = 25;

    [Theory]
    [InlineData("/admin/people/new", Caller.Administrator)]
    [InlineData("/admin/people", Caller.Administrator)]
    [InlineData("/", Caller.BoardMember)]
    public async Task The_page_answers_200_every_time_on_PostgreSQL(string path, Caller caller)
    {
        await using var matrix = await MatrixApp.StartAsync(StoreEngine.Postgres, new CapturingLogs(), new Dictionary<string, string?>());
        var session = matrix.Session(caller);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Tries; i++) statuses.Add((await session.GetAsync(path)).StatusCode);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }
}
