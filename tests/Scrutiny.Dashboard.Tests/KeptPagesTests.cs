using System.Net.Http.Headers;
using Scrutiny.Dashboard.PageCache;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Live;
using Scrutiny.Silo.Security;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests;

/// <summary>
/// A public page's rendering is kept for readers not signed in (<see cref="KeptPages"/>) and never served after something
/// it shows changed where the node could know of it. A committee saved straight into the store is a change no one tells
/// the node of (as when another node's write is not on the change feed): the place page names the place's committees,
/// so whether a reader sees the new one says whether they were given a kept rendering.
/// </summary>
public sealed class KeptPagesTests
{
    private const string Committee = "Health Scrutiny Committee";

    private static string PlacePage => $"/places/{Manchester}";

    private static Dictionary<string, string?> KeepFor(double seconds) =>
        new() { [$"{PageCacheOptions.Section}:KeepForSeconds"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static async Task SaveCommitteeUntoldAsync(DashboardApp app) =>
        Assert.True(await app.Get<CommitteeStore>().CreateAsync(new Committee("health-scrutiny", Committee, Manchester, 2, []), "test",
            DateTimeOffset.UtcNow, TestContext.Current.CancellationToken));

    /// <summary>
    /// Read twice, the same page, once the node has been quiet for half a second (the changes of the seeding have all
    /// reached its feed): the second reader within the keeping time has its rendering kept, and nothing but the test
    /// moves the node's count after it.
    /// </summary>
    private static async Task ReadTwiceAsync(DashboardApp app, HttpClient reader)
    {
        var changes = app.Get<ChangeCount>();
        await Eventually.TrueAsync(async () =>
        {
            var before = changes.Current;
            await Task.Delay(500);
            return changes.Current == before;
        }, "the node's change count kept moving");
        Assert.Equal(await ReadAsync(reader), await ReadAsync(reader));
    }

    private static HttpClient Anonymous(DashboardApp app) => new() { BaseAddress = app.BaseAddress };

    private static async Task<string> ReadAsync(HttpClient client, string path = "")
    {
        using var response = await client.GetAsync(path.Length == 0 ? PlacePage : path, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_public_page_read_again_is_served_as_kept_until_a_write_on_the_node_ends_it()
    {
        await using var app = await DashboardApp.StartAsync(KeepFor(300));
        var apiKey = await SeedAsync(app);
        using var reader = Anonymous(app);
        await ReadTwiceAsync(app, reader);
        await SaveCommitteeUntoldAsync(app);

        Assert.DoesNotContain(Committee, await ReadAsync(reader));
        Assert.Equal(1, app.Get<KeptPages>().Count);

        // A return through the API: the node takes a write, and its writer reads the page the moment it is answered.
        await Returns.PostAsync(app, apiKey, new { place = Manchester, indicator = DelayedDays, period = "2026-07", numerator = 12345 });
        var after = await ReadAsync(reader);
        Assert.Contains("12,345", after);
        Assert.Contains(Committee, after);
    }

    [Fact]
    public async Task A_change_heard_on_the_feed_ends_kept_pages()
    {
        await using var app = await DashboardApp.StartAsync(KeepFor(300));
        await SeedAsync(app);
        using var reader = Anonymous(app);
        await ReadTwiceAsync(app, reader);
        await SaveCommitteeUntoldAsync(app);
        Assert.DoesNotContain(Committee, await ReadAsync(reader));

        // As another node's committee edit reaches this one: a change on the feed, delivered on the feed's own loop.
        await app.Get<IChangeFeed>().PublishAsync(new Change(ChangeKinds.Committee, new Dictionary<string, string> { [ChangeKeys.Committee] = "health-scrutiny" },
            [], null, null, DateTimeOffset.UtcNow));

        await Eventually.TrueAsync(async () => (await ReadAsync(reader)).Contains(Committee, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_no_one_told_the_node_of_is_shown_once_the_keeping_time_is_over()
    {
        await using var app = await DashboardApp.StartAsync(KeepFor(0.5));
        await SeedAsync(app);
        using var reader = Anonymous(app);
        await ReadTwiceAsync(app, reader);
        await SaveCommitteeUntoldAsync(app);

        await Eventually.TrueAsync(async () => (await ReadAsync(reader)).Contains(Committee, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signed_in_reader_or_a_keyholder_is_never_served_a_kept_page()
    {
        await using var app = await DashboardApp.StartAsync(KeepFor(300));
        await SeedAsync(app);
        var people = await TestPeople.SeedAsync(app);
        // Signed in first: signing in is a write, which would end the kept page below.
        using var person = new FormClient(app);
        await person.SignInAsync(people.ScrutinyMember.Email, people.ScrutinyMember.Password);
        using var reader = Anonymous(app);
        await ReadTwiceAsync(app, reader);
        await SaveCommitteeUntoldAsync(app);
        Assert.DoesNotContain(Committee, await ReadAsync(reader));

        using var signedIn = await person.GetAsync(PlacePage);
        Assert.Contains(Committee, await signedIn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        using var keyholder = Anonymous(app);
        keyholder.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", await app.Get<ApiKeyStore>().CreateAsync(null, isAdmin: true));
        Assert.Contains(Committee, await ReadAsync(keyholder));
        // And the public's kept rendering is still the one served to the public.
        Assert.DoesNotContain(Committee, await ReadAsync(reader));
    }

    [Fact]
    public async Task Nothing_is_kept_when_the_keeping_time_is_zero()
    {
        await using var app = await DashboardApp.StartAsync(KeepFor(0));
        await SeedAsync(app);
        using var reader = Anonymous(app);
        await ReadTwiceAsync(app, reader);
        await SaveCommitteeUntoldAsync(app);

        Assert.Contains(Committee, await ReadAsync(reader));
        Assert.Equal(0, app.Get<KeptPages>().Count);
    }
}
