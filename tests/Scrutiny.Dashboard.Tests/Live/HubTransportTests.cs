using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Live;

/// <summary>
/// Every transport a SignalR client may fall back to serves every watcher: anonymous, with an API key, or signed in
/// with a session cookie; and a signed-in person's entitlement holds on each, although on server-sent events and long
/// polling the connection lives on past the request that opened it.
/// </summary>
public sealed class HubTransportTests
{
    [Theory]
    [InlineData(HttpTransportType.WebSockets)]
    [InlineData(HttpTransportType.ServerSentEvents)]
    [InlineData(HttpTransportType.LongPolling)]
    public async Task Every_watcher_connects_and_hears_what_it_may(HttpTransportType transport)
    {
        await using var app = await DashboardApp.StartAsync();
        var agencyKey = await SeedAsync(app);
        var adminKey = await app.Get<ApiKeyStore>().CreateAsync(null, isAdmin: true);
        await app.Get<CatalogueWriter>().SetScheduleAsync(new IndicatorSchedule(DelayedDays, 30, null, null, PublicationRule.OnRelease));
        var people = await TestPeople.SeedAsync(app);
        using var boardSession = await SignInAsync(app, people.BoardMember);
        using var scrutinySession = await SignInAsync(app, people.ScrutinyMember);
        var group = ChangeGroups.Indicator(Manchester, DelayedDays);

        await using var anonymous = await HubListener.ConnectAsync(app, transport);
        await using var agency = await HubListener.ConnectAsync(app, transport, apiKey: agencyKey);
        await using var scrutinyMember = await HubListener.ConnectAsync(app, transport, cookie: scrutinySession.CookieHeader);
        await using var boardMember = await HubListener.ConnectAsync(app, transport, cookie: boardSession.CookieHeader);
        HubListener[] published = [anonymous, agency, scrutinyMember];
        foreach (var listener in published.Append(boardMember)) await listener.WatchAsync(group);

        await Returns.PostAsync(app, agencyKey, new { place = Manchester, indicator = DelayedDays, period = "2026-09", numerator = 321 });
        var embargoed = await boardMember.NextAsync();
        await Releases.PostAsync(app, adminKey, DelayedDays, "2026-09");

        Assert.Equal((ChangeKinds.Indicator, "2026-09"), (embargoed.Kind, embargoed.Period));
        foreach (var listener in published)
        {
            // The release is the first they hear: one connection's messages keep their order, so nothing came before it.
            Assert.Equal((ChangeKinds.Publication, "2026-09"), ((await listener.NextAsync()).Kind, listener.Received.First().Period));
            Assert.Equal(HubConnectionState.Connected, listener.Connection.State);
        }
    }

    private static async Task<FormClient> SignInAsync(DashboardApp app, TestPerson person)
    {
        var session = new FormClient(app);
        await session.SignInAsync(person.Email, person.Password);
        Assert.True(session.HasCookie("scrutiny-agency"), $"{person.Email} did not sign in");
        return session;
    }
}
