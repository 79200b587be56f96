using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.PlainWords;
using Scrutiny.Silo.Benchmarks;
using Scrutiny.Silo.Committees;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests;

/// <summary>
/// "What changed this month" on the place page and in the committee paper: the sentence for each period that became
/// visible to the reader this month, never one the public may not see. Admissions is published on release; 2026-06 is
/// released, 2026-07 is not. Delayed days, published on acceptance, fell six months running to July.
/// </summary>
public sealed class WhatChangedTests
{
    private const string Trafford = "E08000009";

    // Trafford, Manchester's one neighbour, had 327.9: the group's mean (501.6) lies below Manchester's 95% interval.
    private const string PublicSentence =
        "Emergency hospital admissions of people aged 65 and over stood at 675.4 per 100,000 in June 2026, its first value. " +
        "It is now worse than similar areas.";

    private const string BoardSentence = "Emergency hospital admissions of people aged 65 and over rose to 819.7 per 100,000 in July 2026";

    private static string Change(string indicator, string period) => $"data-change=\"{indicator}\" data-change-period=\"{period}\"";

    [Theory]
    [InlineData(StoreEngine.Sqlite)]
    [InlineData(StoreEngine.Postgres)]
    public async Task The_place_page_and_the_paper_say_what_became_visible_this_month_and_nothing_unpublished_to_the_public(StoreEngine engine)
    {
        await using var app = await DashboardApp.StartAsync(engine, NullLoggerProvider.Instance);
        var agencyKey = await SeedAsync(app);
        await app.Get<CatalogueWriter>().SetScheduleAsync(new IndicatorSchedule(Admissions, 30, null, null, PublicationRule.OnRelease));
        await app.Get<CommitteeStore>().CreateAsync(new Committee(TestPeople.Committee, "Manchester Health Scrutiny Committee", Manchester,
            Committee.DefaultResponseMonths, []), "test", DateTimeOffset.UtcNow);
        var adminKey = await app.Get<ApiKeyStore>().CreateAsync(null, isAdmin: true);
        await app.Get<CatalogueWriter>().UpsertBoardAsync(new PartnershipBoard("trafford-hwb", "Trafford Health and Wellbeing Board", Trafford, [TestCatalogue.Agency]));
        Assert.Empty((await app.Get<ComparatorGroupEditor>().SaveAsync("manchester-neighbours",
            new ComparatorGroupBody("Manchester's neighbours", Manchester, [Trafford]), "test", TestContext.Current.CancellationToken)).Problems);
        await Returns.PostAsync(app, agencyKey, new { place = Trafford, indicator = Admissions, period = "2026-06", numerator = 200, denominator = 61000 });
        await Returns.PostAsync(app, agencyKey,
            new { place = Manchester, indicator = Admissions, period = "2026-06", numerator = 412, denominator = 61000 },
            new { place = Manchester, indicator = Admissions, period = "2026-07", numerator = 500, denominator = 61000 });
        await Returns.PostAsync(app, agencyKey, [.. Enumerable.Range(1, 7)
            .Select(m => (object)new { place = Manchester, indicator = DelayedDays, period = $"2026-{m:D2}", numerator = 2100 - 100 * m })]);
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };
        // Before the release the public reads no news of admissions (and the page it read is not kept past the release).
        var before = await anonymous.GetStringAsync($"/places/{Manchester}", TestContext.Current.CancellationToken);
        Assert.DoesNotContain($"data-change=\"{Admissions}\"", before);
        Assert.Contains($"data-change=\"{DelayedDays}\"", before);
        using (var admin = new HttpClient { BaseAddress = app.BaseAddress })
        {
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", adminKey);
            using var released = await admin.PostAsJsonAsync($"/api/v1/indicators/{Admissions}/releases", new { period = "2026-06" },
                TestContext.Current.CancellationToken);
            Assert.True(released.IsSuccessStatusCode);
        }

        var place = await anonymous.GetStringAsync($"/places/{Manchester}", TestContext.Current.CancellationToken);

        Assert.Contains("What changed this month", place);
        Assert.Contains(PublicSentence, place);
        Assert.Contains(Change(Admissions, "2026-06"), place);
        Assert.Contains("Days people spent in hospital after they were ready to leave fell to 1,400 in July 2026 for the 6th month in a row. It is a real improvement.", place);
        Assert.Contains($"href=\"/places/{Manchester}/indicators/{DelayedDays}\" data-change-sentence", place);
        Assert.DoesNotContain(Change(Admissions, "2026-07"), place);
        Assert.DoesNotContain("819.7", place);
        Assert.DoesNotContain("Not yet published", place);

        var paper = await anonymous.GetStringAsync(CommitteeAddresses.Paper(TestPeople.Committee), TestContext.Current.CancellationToken);
        var changes = paper[paper.IndexOf("data-paper-section=\"changes\"", StringComparison.Ordinal)..paper.IndexOf("data-paper-section=\"recommendations\"", StringComparison.Ordinal)];
        Assert.Contains(PublicSentence, changes);
        Assert.DoesNotContain("819.7", paper);
        Assert.Contains("data-paper-view=\"published\"", paper);

        Assert.Contains("Against the mean of Manchester&#x27;s neighbours", place);

        // Nothing was returned for England.
        var month = PeriodWords.Name(Period.Containing(DateOnly.FromDateTime(DateTime.UtcNow), Frequency.Monthly));
        Assert.Contains($"Nothing new was published for England in {month}.",
            await anonymous.GetStringAsync("/places/E92000001", TestContext.Current.CancellationToken));

        // A member of the place's board sees July's value, marked, and is warned not to hand the paper out.
        var people = await TestPeople.SeedAsync(app);
        using var board = new FormClient(app);
        await board.SignInAsync(people.BoardMember.Email, people.BoardMember.Password);
        var boardPlace = await (await board.GetAsync($"/places/{Manchester}")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(Change(Admissions, "2026-07"), boardPlace);
        Assert.Contains(BoardSentence, boardPlace);
        Assert.Contains("data-change-unpublished=\"2026-07\"", boardPlace);
        var boardPaper = await (await board.GetAsync(CommitteeAddresses.Paper(TestPeople.Committee))).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(BoardSentence, boardPaper);
        Assert.Contains("data-paper-view=\"all\"", boardPaper);
    }
}
