using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Schedule;
using Scrutiny.Tests.Infrastructure;
using static Scrutiny.Silo.Tests.Schedule.ScheduleUnderTest;

namespace Scrutiny.Silo.Tests.Publication;

/// <summary>
/// Publication control over real HTTP, on both engines: an agency's key (MCC or MFT, the two agencies of Manchester's
/// board) reads published values only, another agency's and its own alike; an administrator's key reads everything;
/// a release publishes a period in every place, once, audited.
/// </summary>
public sealed class PublicationApiTests
{
    private static readonly IndicatorSchedule OnRelease = new(Admissions, 45, LockDays: null, Target: null, PublicationRule.OnRelease);

    private static string Series(string indicator = Admissions) => $"/api/v1/places/{Manchester}/indicators/{indicator}/series";
    private static string Releases(string indicator = Admissions) => $"/api/v1/indicators/{indicator}/releases";

    private static async Task<IReadOnlyList<string>> PeriodsAsync(ScheduleUnderTest api, string key, string path = "")
    {
        var response = await api.GetAsync(key, path.Length > 0 ? path : Series());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await JsonAsync(response)).GetProperty("points").EnumerateArray().Select(p => p.GetProperty("period").GetString()!)];
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task An_unreleased_value_reaches_no_agency_until_it_is_released_and_the_administrator_sees_it_throughout(StoreEngine engine)
    {
        await using var api = await StartAsync(engine);
        await api.Node.CatalogueWriter.SetScheduleAsync(OnRelease);
        await api.SubmitAsync("MFT", Admissions, Old, On(Today), numerator: 900);
        await api.SubmitAsync("MCC", Admissions, Old, On(Today), numerator: 100);

        // Neither the agency that did not send it nor the one that did (its value is pooled with MCC's) reads it.
        Assert.Empty(await PeriodsAsync(api, api.Mcc));
        Assert.Empty(await PeriodsAsync(api, api.Mft));
        Assert.Equal(0, (await JsonAsync(await api.GetAsync(api.Mcc, $"{Series()[..^"/series".Length]}/revisions"))).GetProperty("revisions").GetArrayLength());
        var listed = await JsonAsync(await api.GetAsync(api.Mcc, $"/api/v1/places/{Manchester}/indicators"));
        Assert.Equal(JsonValueKind.Null, listed.EnumerateArray().Single(i => i.GetProperty("indicator").GetProperty("code").GetString() == Admissions)
            .GetProperty("latest").ValueKind);
        var benchmarks = await JsonAsync(await api.GetAsync(api.Mcc, $"{Series()[..^"/series".Length]}/benchmarks"));
        Assert.Equal(JsonValueKind.Null, benchmarks.GetProperty("period").ValueKind);
        var csv = await (await api.GetAsync(api.Mcc, Series() + "?format=csv")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(Old.ToString(), csv);
        Assert.Equal([Old.ToString()], await PeriodsAsync(api, api.Admin));

        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync(api.Mft, Releases(), new { period = Old.ToString() })).StatusCode);
        var released = await api.PostAsync(api.Admin, Releases(), new { period = Old.ToString() });

        Assert.Equal(HttpStatusCode.Created, released.StatusCode);
        Assert.Equal([Old.ToString()], await PeriodsAsync(api, api.Mcc));
        var point = (await JsonAsync(await api.GetAsync(api.Mft, Series()))).GetProperty("points")[0];
        Assert.Equal(1000, point.GetProperty("numerator").GetDouble());
        Assert.Equal([Old.ToString()], (await JsonAsync(await api.GetAsync(api.Mcc, Releases()))).EnumerateArray().Select(r => r.GetProperty("period").GetString()));

        await using var connection = await api.Node.Services.GetRequiredService<Database>().OpenAsync();
        var audit = (await connection.QueryAsync<(string Action, string Subject)>(
            "SELECT action, subject FROM audit_log WHERE action = @action", new { action = PublicationReleases.AuditAction })).Single();
        Assert.Equal($"{Admissions}/{Old}", audit.Subject);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_release_that_cannot_be_made_says_why_and_writes_nothing(StoreEngine engine)
    {
        await using var api = await StartAsync(engine);
        await api.Node.CatalogueWriter.SetScheduleAsync(OnRelease);
        var future = Period.Containing(Today, Frequency.Monthly).ToString();

        Assert.Equal([("period", "required")], await ErrorsAsync(await api.PostAsync(api.Admin, Releases(), new { period = " " })));
        Assert.Equal([("period", "invalid_period")], await ErrorsAsync(await api.PostAsync(api.Admin, Releases(), new { period = "2026-Q3" })));
        Assert.Equal([("period", "not_ended")], await ErrorsAsync(await api.PostAsync(api.Admin, Releases(), new { period = future })));
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync(api.Admin, Releases("no-such-indicator"), new { period = Old.ToString() })).StatusCode);
        // Published on acceptance: nothing to release.
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync(api.Admin, Releases(DelayedDischarge), new { period = Old.ToString() })).StatusCode);
        Assert.Equal(0, (await JsonAsync(await api.GetAsync(api.Admin, Releases()))).GetArrayLength());

        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync(api.Admin, Releases(), new { period = Old.ToString() })).StatusCode);
        var again = await api.PostAsync(api.Admin, Releases(), new { period = Old.ToString() });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, (await JsonAsync(await api.GetAsync(api.Admin, Releases()))).GetArrayLength());
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_days_after_rule_publishes_old_periods_and_the_public_statistics_leave_out_the_rest(StoreEngine engine)
    {
        await using var api = await StartAsync(engine);
        // Old ended three months or more ago: published after 60 days. Recent ended at most 31 days ago: not yet.
        await api.Node.CatalogueWriter.SetScheduleAsync(OnRelease with { Publication = PublicationRule.DaysAfterPeriodEnd, PublishDays = 60 });
        await api.SubmitAsync("MFT", Admissions, Old, On(Today), numerator: 900);
        await api.SubmitAsync("MFT", Admissions, Recent, On(Today), numerator: 1900);

        var published = await JsonAsync(await api.GetAsync(api.Mcc, Series()));
        var everything = await JsonAsync(await api.GetAsync(api.Admin, Series()));

        Assert.Equal([Old.ToString()], published.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("period").GetString()));
        Assert.Equal([Old.ToString(), Recent.ToString()], everything.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("period").GetString()));
        // The published mean is the published value's own, not moved by the unpublished one.
        Assert.Equal(900 * 100_000 / 61_000.0, published.GetProperty("points")[0].GetProperty("mean").GetDouble(), 6);
        Assert.NotEqual(published.GetProperty("points")[0].GetProperty("mean").GetDouble(),
            everything.GetProperty("points")[0].GetProperty("mean").GetDouble());
    }

    [Fact]
    public async Task A_release_survives_a_restart()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Sqlite);
        string mcc;
        await using (var node = await TestNode.StartAsync(database))
        {
            await MinimalCatalogue.SeedAsync(node.CatalogueWriter);
            await node.CatalogueWriter.SetScheduleAsync(OnRelease);
            mcc = await node.CreateAgencyKeyAsync("MCC");
            var admin = await node.Services.GetRequiredService<ApiKeyStore>().CreateAsync(null, isAdmin: true);
            await node.Services.GetRequiredService<IGrainFactory>()
                .GetGrain<Grains.Contracts.IIndicatorGrain>(Grains.Contracts.IndicatorKey.For(Manchester, Admissions))
                .SubmitAsync(new Grains.Contracts.ReturnSubmission("b1", "test", On(Today),
                    [new Grains.Contracts.ReturnedValue(Old.ToString(), "MCC", 10, 61000, null)]));
            using var release = new HttpRequestMessage(HttpMethod.Post, Releases()) { Content = System.Net.Http.Json.JsonContent.Create(new { period = Old.ToString() }) };
            release.Headers.Authorization = new("ApiKey", admin);
            Assert.Equal(HttpStatusCode.Created, (await node.Http.SendAsync(release)).StatusCode);
        }

        await using var restarted = await TestNode.StartAsync(database);
        using var read = new HttpRequestMessage(HttpMethod.Get, Series());
        read.Headers.Authorization = new("ApiKey", mcc);
        var body = JsonDocument.Parse(await (await restarted.Http.SendAsync(read)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal([Old.ToString()], body.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("period").GetString()));
    }
}
