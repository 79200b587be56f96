using System.Net;
using System.Text.Json;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;
using static Scrutiny.Silo.Tests.Schedule.ScheduleUnderTest;

namespace Scrutiny.Silo.Tests.Schedule;

/// <summary><c>GET /api/v1/completeness</c> over real HTTP, on both engines.</summary>
public sealed class CompletenessApiTests
{
    private static (string Agency, string? Status, bool? OnTime, int Revisions) Row(JsonElement agency) =>
        (agency.GetProperty("agency").GetString()!, agency.GetProperty("status").GetString(),
         agency.GetProperty("onTime").ValueKind == JsonValueKind.Null ? null : agency.GetProperty("onTime").GetBoolean(),
         agency.GetProperty("revisions").GetInt32());

    private static JsonElement Indicator(JsonElement body, string code) =>
        body.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("indicator").GetString() == code);

    private static (int, int, int, int, int, int) Counts(JsonElement indicator) =>
        (indicator.GetProperty("expected").GetInt32(), indicator.GetProperty("received").GetInt32(), indicator.GetProperty("onTime").GetInt32(),
         indicator.GetProperty("late").GetInt32(), indicator.GetProperty("missing").GetInt32(), indicator.GetProperty("overdue").GetInt32());

    [Theory, ClassData(typeof(Engines))]
    public async Task Each_expected_agency_is_on_time_late_revised_or_missing(StoreEngine engine)
    {
        await using var api = await StartAsync(engine);
        var due = AdmissionsSchedule.DueDate(Old);
        await api.SubmitAsync("MFT", Admissions, Old, On(due));
        await api.SubmitAsync("MCC", Admissions, Old, On(due.AddDays(1)));
        await api.SubmitAsync("MCC", Admissions, Old, On(due.AddDays(2)), numerator: 11);
        await api.SubmitAsync("MFT", DelayedDischarge, Old, On(due.AddDays(-3)));

        var response = await api.GetAsync(api.Admin, $"/api/v1/completeness?place={Manchester}&period={Old}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        // The quarterly indicator has no period 2026-07 and is left out.
        Assert.Equal([DelayedDischarge, Admissions],
            body.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("indicator").GetString()));
        var admissions = Indicator(body, Admissions);
        Assert.Equal(due.ToString("yyyy-MM-dd"), admissions.GetProperty("dueDate").GetString());
        Assert.Equal([("MCC", "revised", false, 2), ("MFT", "submitted", true, 1)], admissions.GetProperty("agencies").EnumerateArray().Select(Row));
        Assert.Equal((2, 2, 1, 1, 0, 0), Counts(admissions));
        var delayed = Indicator(body, DelayedDischarge);
        Assert.Equal([("MCC", "overdue", null, 0), ("MFT", "submitted", true, 1)], delayed.GetProperty("agencies").EnumerateArray().Select(Row));
        Assert.Equal((2, 1, 1, 0, 1, 1), Counts(delayed));
        var mft = delayed.GetProperty("agencies")[1];
        Assert.Equal(On(due.AddDays(-3)), mft.GetProperty("submittedAt").GetDateTimeOffset());
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Who_is_expected_follows_the_agencies_boards_and_assigned_indicators_from_the_moment_they_are_saved(StoreEngine engine)
    {
        await using var api = await StartAsync(engine);
        var path = $"/api/v1/completeness?place={Manchester}&period={Old}";
        Assert.Equal(2, Indicator(await JsonAsync(await api.GetAsync(api.Admin, path)), DelayedDischarge).GetProperty("expected").GetInt32());

        // MFT keeps its board but is no longer assigned delayed discharges.
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync(api.Admin, "/api/v1/agencies/MFT", new
        {
            code = "MFT", name = "Manchester University NHS Foundation Trust", sector = "health", places = new[] { Manchester },
            indicators = new[] { Admissions },
        })).StatusCode);
        var body = await JsonAsync(await api.GetAsync(api.Admin, path));
        Assert.Equal([("MCC", "overdue", null, 0)], Indicator(body, DelayedDischarge).GetProperty("agencies").EnumerateArray().Select(Row));
        Assert.Equal(["MCC", "MFT"], Indicator(body, Admissions).GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("agency").GetString()));

        // And MCC leaves Manchester's board: it owes Manchester nothing, MFT owes only admissions.
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync(api.Admin, "/api/v1/agencies/MCC", new
        {
            code = "MCC", name = "Manchester City Council", sector = "local_government", places = Array.Empty<string>(),
            indicators = new[] { Admissions, DelayedDischarge },
        })).StatusCode);
        body = await JsonAsync(await api.GetAsync(api.Admin, path));
        Assert.Equal([Admissions], body.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("indicator").GetString()));
        Assert.Equal([("MFT", "overdue", null, 0)], Indicator(body, Admissions).GetProperty("agencies").EnumerateArray().Select(Row));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Missing_returns_not_yet_due_are_due_and_an_agency_sees_only_its_own(StoreEngine engine)
    {
        await using var api = await StartAsync(engine);
        await api.SubmitAsync("MCC", Admissions, Recent, On(Today));

        var admin = await JsonAsync(await api.GetAsync(api.Admin, $"/api/v1/completeness?place={Manchester}&period={Recent}&indicator={Admissions}"));
        var mft = await JsonAsync(await api.GetAsync(api.Mft, $"/api/v1/completeness?place={Manchester}&period={Recent}"));

        var indicator = Assert.Single(admin.GetProperty("indicators").EnumerateArray());
        Assert.Equal([("MCC", "submitted", true, 1), ("MFT", "due", null, 0)], indicator.GetProperty("agencies").EnumerateArray().Select(Row));
        Assert.Equal((2, 1, 1, 0, 1, 0), Counts(indicator));
        Assert.All(mft.GetProperty("indicators").EnumerateArray(), i =>
            Assert.Equal(["MFT"], i.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("agency").GetString())));
        Assert.Equal((1, 0, 0, 0, 1, 0), Counts(Indicator(mft, Admissions)));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Bad_queries_are_422_with_every_problem(StoreEngine engine)
    {
        await using var api = await StartAsync(engine);

        Assert.Equal([("place", "required"), ("period", "required")], await ErrorsAsync(await api.GetAsync(api.Admin, "/api/v1/completeness")));
        Assert.Equal([("place", "unknown_place"), ("indicator", "unknown_indicator")],
            await ErrorsAsync(await api.GetAsync(api.Admin, "/api/v1/completeness?place=E99999999&period=2026-07&indicator=nope")));
        Assert.Equal([("period", "invalid_period")],
            await ErrorsAsync(await api.GetAsync(api.Mft, $"/api/v1/completeness?place={Manchester}&period=2026-Q3&indicator={Admissions}")));
        Assert.Equal([("period", "invalid_period")],
            await ErrorsAsync(await api.GetAsync(api.Mft, $"/api/v1/completeness?place={Manchester}&period=July")));
    }

    [Fact]
    public async Task Reading_completeness_needs_a_key()
    {
        await using var api = await StartAsync(StoreEngine.Sqlite);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(null, $"/api/v1/completeness?place={Manchester}&period=2026-07")).StatusCode);
    }
}
