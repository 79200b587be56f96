using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Schedule;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;
using static Scrutiny.Silo.Tests.Schedule.ScheduleUnderTest;

namespace Scrutiny.Silo.Tests.Schedule;

/// <summary>Reopening a locked period for one agency, over real HTTP, on both engines.</summary>
public sealed class ReopeningApiTests
{
    private static string Path(string agency) => $"/api/v1/agencies/{agency}/reopenings";

    private static async Task<bool> IsLockedAsync(ScheduleUnderTest api, string agency) =>
        (await api.Node.Services.GetRequiredService<PeriodLocks>().LoadAsync(agency)).IsLocked(Admissions, Old, Today);

    [Theory, ClassData(typeof(Engines))]
    public async Task A_reopening_unlocks_the_period_for_that_agency_only_and_the_audit_keeps_the_reason(StoreEngine engine)
    {
        await using var api = await StartAsync(engine);
        Assert.True(await IsLockedAsync(api, "MFT"));

        var refused = await api.PostAsync(api.Mft, Path("MFT"), new { indicator = Admissions, period = Old.ToString(), reason = "late data" });
        var response = await api.PostAsync(api.Admin, Path("MFT"), new { indicator = Admissions, period = Old.ToString(), reason = "  Coding error found by the trust  " });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(("MFT", Admissions, Old.ToString(), "Coding error found by the trust"),
            (body.GetProperty("agency").GetString(), body.GetProperty("indicator").GetString(), body.GetProperty("period").GetString(),
             body.GetProperty("reason").GetString()));
        Assert.StartsWith("api-key:", body.GetProperty("reopenedBy").GetString());
        Assert.False(await IsLockedAsync(api, "MFT"));
        Assert.True(await IsLockedAsync(api, "MCC"));

        await using var connection = await api.Node.Services.GetRequiredService<Database>().OpenAsync();
        var audit = (await connection.QueryAsync<(string Actor, string Action, string Subject, string Detail)>(
            "SELECT actor, action, subject, detail FROM audit_log WHERE action NOT LIKE 'api_key%'")).Single();
        Assert.Equal((body.GetProperty("reopenedBy").GetString(), PeriodReopenings.AuditAction, $"MFT/{Admissions}/{Old}"),
            (audit.Actor, audit.Action, audit.Subject));
        Assert.Contains("Coding error found by the trust", audit.Detail);

        var listed = await JsonAsync(await api.GetAsync(api.Admin, Path("MFT")));
        Assert.Equal(["Coding error found by the trust"], listed.EnumerateArray().Select(r => r.GetProperty("reason").GetString()));
        Assert.Equal(0, (await JsonAsync(await api.GetAsync(api.Admin, Path("MCC")))).GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(api.Mft, Path("MFT"))).StatusCode);
        var again = await api.PostAsync(api.Admin, Path("MFT"), new { indicator = Admissions, period = Old.ToString(), reason = "again" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_bad_reopening_is_422_with_every_problem_and_writes_nothing(StoreEngine engine)
    {
        await using var api = await StartAsync(engine);

        Assert.Equal([("indicator", "required"), ("period", "required"), ("reason", "required")],
            await ErrorsAsync(await api.PostAsync(api.Admin, Path("MFT"), new { })));
        Assert.Equal([("period", "invalid_period"), ("reason", "required")],
            await ErrorsAsync(await api.PostAsync(api.Admin, Path("MFT"), new { indicator = Admissions, period = "2026-Q3", reason = "   " })));
        Assert.Equal([("indicator", "unknown_indicator")],
            await ErrorsAsync(await api.PostAsync(api.Admin, Path("MFT"), new { indicator = "nope", period = "2026-07", reason = "r" })));
        Assert.Equal([("period", "not_locked")],
            await ErrorsAsync(await api.PostAsync(api.Admin, Path("MFT"), new { indicator = DelayedDischarge, period = Old.ToString(), reason = "r" })));
        Assert.Equal(HttpStatusCode.NotFound,
            (await api.PostAsync(api.Admin, Path("NOPE"), new { indicator = Admissions, period = Old.ToString(), reason = "r" })).StatusCode);

        await using var connection = await api.Node.Services.GetRequiredService<Database>().OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM period_reopenings"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action NOT LIKE 'api_key%'"));
    }
}
