using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Store;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Live;

/// <summary>A group watched again is watched in one variant, the one its watcher is entitled to now, never both.</summary>
public sealed class HubRewatchTests
{
    [Fact]
    public async Task A_group_watched_again_after_its_place_gained_the_watchers_board_is_heard_once()
    {
        await using var app = await DashboardApp.StartAsync();
        var keys = await AdminCatalogue.SeedAsync(app);
        var member = await TestPeople.CreateAsync(app, "trafford@example.org", "Tam Trafford", PersonRole.Board("trafford-hwb"));
        using var session = new FormClient(app);
        await session.SignInAsync(member.Email, member.Password);
        await using var listener = await HubListener.ConnectAsync(app, cookie: session.CookieHeader);
        var group = ChangeGroups.Place(Manchester);

        await listener.WatchAsync(group);
        // The board now answers for Manchester: its member is entitled there, and the same group is watched again.
        await app.Get<CatalogueWriter>().UpsertBoardAsync(new PartnershipBoard("trafford-hwb", "Trafford Health and Wellbeing Board", Manchester, []));
        await listener.WatchAsync(group);
        await Returns.PostAsync(app, keys.Agency, new { place = Manchester, indicator = DelayedDays, period = "2026-09", numerator = 321 });
        await Returns.PostAsync(app, keys.Agency, new { place = Manchester, indicator = StillAtHome, period = "2026-Q2", numerator = 80, denominator = 100 });

        var first = await listener.NextAsync();
        var second = await listener.NextAsync();

        // In both variants, the first change would come twice before the second.
        Assert.Equal([DelayedDays, StillAtHome], new[] { first, second }.Select(c => c.Keys[ChangeKeys.Indicator]));
    }
}
