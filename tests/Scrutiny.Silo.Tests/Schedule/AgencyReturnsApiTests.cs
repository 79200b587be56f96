using System.Net;
using System.Text.Json;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;
using static Scrutiny.Silo.Tests.Schedule.ScheduleUnderTest;

namespace Scrutiny.Silo.Tests.Schedule;

/// <summary><c>GET /api/v1/agencies/{code}/returns</c> ("our returns") over real HTTP, on both engines.</summary>
public sealed class AgencyReturnsApiTests
{
    private static JsonElement Find(JsonElement body, string indicator, Scrutiny.Grains.Catalogue.Period period) =>
        body.GetProperty("returns").EnumerateArray().Single(r =>
            r.GetProperty("indicator").GetString() == indicator && r.GetProperty("period").GetString() == period.ToString());

    [Theory, ClassData(typeof(Engines))]
    public async Task An_agency_sees_every_return_it_owes_over_recent_periods_with_status(StoreEngine engine)
    {
        await using var api = await StartAsync(engine);
        await api.SubmitAsync("MFT", Admissions, Old, On(AdmissionsSchedule.DueDate(Old).AddDays(5)));

        var response = await api.GetAsync(api.Mft, "/api/v1/agencies/MFT/returns?periods=6");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(Today.ToString("yyyy-MM-dd"), body.GetProperty("asOf").GetString());
        // Three indicators at Manchester, six periods each.
        Assert.Equal(18, body.GetProperty("returns").GetArrayLength());
        Assert.All(body.GetProperty("returns").EnumerateArray(), r => Assert.Equal(("MFT", Manchester),
            (r.GetProperty("agency").GetString(), r.GetProperty("place").GetString())));
        var late = Find(body, Admissions, Old);
        Assert.Equal(("submitted_late", false, true), (late.GetProperty("status").GetString(), late.GetProperty("onTime").GetBoolean(),
            late.GetProperty("locked").GetBoolean()));
        var recent = Find(body, Admissions, Recent);
        Assert.Equal(("due", false), (recent.GetProperty("status").GetString(), recent.GetProperty("locked").GetBoolean()));
        Assert.Equal("overdue", Find(body, DelayedDischarge, Old).GetProperty("status").GetString());
        // Delayed discharge never locks.
        Assert.False(Find(body, DelayedDischarge, Old).GetProperty("locked").GetBoolean());
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task An_agency_key_cannot_read_another_agencys_returns_but_an_administrator_can(StoreEngine engine)
    {
        await using var api = await StartAsync(engine);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(api.Mft, "/api/v1/agencies/MCC/returns")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(null, "/api/v1/agencies/MCC/returns")).StatusCode);
        var admin = await api.GetAsync(api.Admin, "/api/v1/agencies/MCC/returns");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(12, (await JsonAsync(admin)).GetProperty("periods").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(api.Admin, "/api/v1/agencies/NOPE/returns")).StatusCode);
        Assert.Equal([("periods", "out_of_range")], await ErrorsAsync(await api.GetAsync(api.Mcc, "/api/v1/agencies/MCC/returns?periods=0")));
        // Not a number at all is the same named problem, not a binding failure's bare 400.
        foreach (var periods in new[] { "x", "1e1", "99999999999" })
            Assert.Equal([("periods", "out_of_range")], await ErrorsAsync(await api.GetAsync(api.Mcc, $"/api/v1/agencies/MCC/returns?periods={periods}")));
    }
}
