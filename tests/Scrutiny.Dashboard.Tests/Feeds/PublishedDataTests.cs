using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text.Json;
using Scrutiny.Dashboard.Datasets;
using Scrutiny.Dashboard.Feeds;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Returns;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Feeds;

/// <summary>
/// The place's feed, <c>/data.json</c> and the indicator page's schema.org Dataset hold published values only, on both
/// engines: admissions are published on release (2026-06 released, 2026-07 not), delayed discharge days a day after each
/// month (2026-05 is long past), and older people still at home twenty-seven years after each quarter (nothing yet).
/// </summary>
public sealed class PublishedDataTests
{
    private static readonly string IndicatorPage = $"/places/{Manchester}/indicators/{Admissions}";

    [Theory]
    [InlineData(StoreEngine.Sqlite)]
    [InlineData(StoreEngine.Postgres)]
    public async Task The_place_feed_data_json_and_the_Dataset_hold_what_is_published_and_nothing_else(StoreEngine engine)
    {
        await using var app = await DashboardApp.StartAsync(engine, new CapturingLogs());
        var agencyKey = await SeedAsync(app);
        var writer = app.Get<CatalogueWriter>();
        await writer.SetScheduleAsync(new IndicatorSchedule(Admissions, 30, null, null, PublicationRule.OnRelease));
        await writer.SetScheduleAsync(new IndicatorSchedule(DelayedDays, 30, null, null, PublicationRule.DaysAfterPeriodEnd, 1));
        await writer.SetScheduleAsync(new IndicatorSchedule(StillAtHome, 30, null, null, PublicationRule.DaysAfterPeriodEnd, 10_000));
        var adminKey = await app.Get<ApiKeyStore>().CreateAsync(null, isAdmin: true);
        await Returns.PostAsync(app, agencyKey,
            new { place = Manchester, indicator = Admissions, period = "2026-06", numerator = 412, denominator = 61000 },
            new { place = Manchester, indicator = Admissions, period = "2026-07", numerator = 500, denominator = 61000 },
            new { place = Manchester, indicator = DelayedDays, period = "2026-04", numerator = 1200 },
            new { place = Manchester, indicator = DelayedDays, period = "2026-05", numerator = 1300 },
            new { place = Manchester, indicator = StillAtHome, period = "2026-Q1", numerator = 80, denominator = 100 });
        await ReleaseAsync(app, adminKey, "2026-06");
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };
        var origin = app.BaseAddress.ToString().TrimEnd('/');

        // The place's feed: each published period, none of the unpublished.
        var (feed, response) = await AtomFeeds.ReadAsync(anonymous, FeedPaths.Place(Manchester));
        var released = AtomFeeds.Entry(feed, $"/indicators/{Admissions}#period-2026-06");
        Assert.Equal($"{origin}{IndicatorPage}#period-2026-06", released.Id);
        // Each entry says what changed in the place page's plain words.
        Assert.StartsWith("Emergency hospital admissions of people aged 65 and over stood at 675.4 per 100,000 in June 2026, its first value.",
            ((TextSyndicationContent)released.Summary).Text);
        Assert.Equal("Emergency hospital admissions of people aged 65 and over in Manchester: June 2026", released.Title.Text);
        Assert.Contains("rose to 1,300 in May 2026", ((TextSyndicationContent)AtomFeeds.Entry(feed, $"/indicators/{DelayedDays}#period-2026-05").Summary).Text);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("2026-07", body);
        Assert.DoesNotContain("819.7", body);
        Assert.DoesNotContain(StillAtHome, body);
        AtomFeeds.AssertLinked(await anonymous.GetStringAsync($"/places/{Manchester}", TestContext.Current.CancellationToken), FeedPaths.Place(Manchester));

        // The catalogue: the two indicators with a published value, each covering its published periods only.
        var catalogue = await anonymous.GetFromJsonAsync<JsonElement>(DataCatalogue.Path, TestContext.Current.CancellationToken);
        Assert.Equal("dcat:Catalog", catalogue.GetProperty("@type").GetString());
        Assert.Equal("https://project-open-data.cio.gov/v1.1/schema", catalogue.GetProperty("conformsTo").GetString());
        var datasets = catalogue.GetProperty("dataset").EnumerateArray().ToDictionary(d => d.GetProperty("identifier").GetString()!);
        Assert.Equal([$"{origin}/places/{Manchester}/indicators/{DelayedDays}", $"{origin}{IndicatorPage}"], datasets.Keys.Order());
        var admissions = datasets[$"{origin}{IndicatorPage}"];
        Assert.Equal("2026-06-01/2026-06-30", admissions.GetProperty("temporal").GetString());
        Assert.Equal("2026-04-01/2026-05-31", datasets[$"{origin}/places/{Manchester}/indicators/{DelayedDays}"].GetProperty("temporal").GetString());
        Assert.Equal(("public", DatasetTerms.Licence, "Manchester"),
            (admissions.GetProperty("accessLevel").GetString(), admissions.GetProperty("license").GetString(), admissions.GetProperty("spatial").GetString()));
        var distributions = admissions.GetProperty("distribution").EnumerateArray().ToList();
        Assert.Equal($"{origin}{IndicatorPage}/series.csv", distributions[0].GetProperty("downloadURL").GetString());
        Assert.Equal("text/csv", distributions[0].GetProperty("mediaType").GetString());
        Assert.Equal($"{origin}/api/v1/places/{Manchester}/indicators/{Admissions}/series", distributions[1].GetProperty("accessURL").GetString());
        Assert.Equal(($"{origin}{IndicatorPage}/series.xlsx", XlsxWorkbook.MediaType),
            (distributions[2].GetProperty("downloadURL").GetString(), distributions[2].GetProperty("mediaType").GetString()));

        // The indicator page's Dataset: the released month only, with the agency whose returns make it.
        var dataset = JsonDocument.Parse(Assert.Single(AtomFeeds.JsonLd(await anonymous.GetStringAsync(IndicatorPage, TestContext.Current.CancellationToken)))).RootElement;
        Assert.Equal(("https://schema.org", "Dataset"), (dataset.GetProperty("@context").GetString(), dataset.GetProperty("@type").GetString()));
        Assert.Equal("2026-06-01/2026-06-30", dataset.GetProperty("temporalCoverage").GetString());
        Assert.Equal("Manchester University NHS Foundation Trust", Assert.Single(dataset.GetProperty("creator").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal([("text/csv", $"{origin}{IndicatorPage}/series.csv"), ("application/json", $"{origin}/api/v1/places/{Manchester}/indicators/{Admissions}/series"),
            (XlsxWorkbook.MediaType, $"{origin}{IndicatorPage}/series.xlsx")],
            dataset.GetProperty("distribution").EnumerateArray().Select(d => (d.GetProperty("encodingFormat").GetString(), d.GetProperty("contentUrl").GetString())));
        Assert.Empty(AtomFeeds.JsonLd(await anonymous.GetStringAsync($"/places/{Manchester}/indicators/{StillAtHome}", TestContext.Current.CancellationToken)));

        // Released, 2026-07 appears in each, dated when it was released.
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await ReleaseAsync(app, adminKey, "2026-07");
        var (after, _) = await AtomFeeds.ReadAsync(anonymous, FeedPaths.Place(Manchester));
        Assert.True(AtomFeeds.Entry(after, $"/indicators/{Admissions}#period-2026-07").PublishDate >= before);
        Assert.Equal(released.Id, AtomFeeds.Entry(after, $"/indicators/{Admissions}#period-2026-06").Id);
        Assert.Contains("2026-06-01/2026-07-31", await anonymous.GetStringAsync(DataCatalogue.Path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_board_member_who_sees_an_unpublished_month_on_the_page_gets_the_publics_Dataset_and_feed()
    {
        await using var app = await DashboardApp.StartAsync();
        var agencyKey = await SeedAsync(app);
        await app.Get<CatalogueWriter>().SetScheduleAsync(new IndicatorSchedule(Admissions, 30, null, null, PublicationRule.OnRelease));
        var adminKey = await app.Get<ApiKeyStore>().CreateAsync(null, isAdmin: true);
        await Returns.PostAsync(app, agencyKey,
            new { place = Manchester, indicator = Admissions, period = "2026-06", numerator = 412, denominator = 61000 },
            new { place = Manchester, indicator = Admissions, period = "2026-07", numerator = 500, denominator = 61000 });
        await ReleaseAsync(app, adminKey, "2026-06");
        var people = await TestPeople.SeedAsync(app);
        using var member = new FormClient(app);
        await member.SignInAsync(people.BoardMember.Email, people.BoardMember.Password);

        var page = await (await member.GetAsync(IndicatorPage)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var feedResponse = await member.GetAsync(FeedPaths.Place(Manchester));
        var feed = await feedResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("819.7 per 100,000", page);
        var dataset = JsonDocument.Parse(Assert.Single(AtomFeeds.JsonLd(page))).RootElement;
        Assert.Equal("2026-06-01/2026-06-30", dataset.GetProperty("temporalCoverage").GetString());
        Assert.Contains("#period-2026-06", feed);
        Assert.DoesNotContain("2026-07", feed);
        Assert.Equal("no-store", feedResponse.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_title_that_closes_the_script_cannot_break_out_of_the_Dataset()
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await SeedAsync(app);
        const string hostile = "Days</script><script>alert(1)</script> & <b>more</b>";
        await app.Get<CatalogueWriter>().UpsertIndicatorsAsync([new IndicatorDefinition(DelayedDays, hostile, "health_and_care",
            IndicatorUnit.Count, Polarity.LowerIsBetter, Frequency.Monthly, CombineMethod.Sum)]);
        await Returns.PostAsync(app, key, new { place = Manchester, indicator = DelayedDays, period = "2026-05", numerator = 1300 });
        using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };

        var html = await anonymous.GetStringAsync($"/places/{Manchester}/indicators/{DelayedDays}", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("<script>alert(1)", html);
        var dataset = JsonDocument.Parse(Assert.Single(AtomFeeds.JsonLd(html))).RootElement;
        Assert.Equal($"{hostile} in Manchester", dataset.GetProperty("name").GetString());
        // The feed carries it as text, escaped as XML.
        var (feed, _) = await AtomFeeds.ReadAsync(anonymous, FeedPaths.Place(Manchester));
        Assert.Equal($"{hostile} in Manchester: May 2026", AtomFeeds.Entry(feed, "#period-2026-05").Title.Text);
    }

    private static async Task ReleaseAsync(DashboardApp app, string adminKey, string period)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", adminKey);
        using var response = await client.PostAsJsonAsync($"/api/v1/indicators/{Admissions}/releases", new { period });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
