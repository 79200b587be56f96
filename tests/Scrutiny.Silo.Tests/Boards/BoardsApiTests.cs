using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Live;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Api;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Boards;

/// <summary>The boards API on both engines: commitments and their statuses, who may do what, audit, roll-up, restart.</summary>
public sealed class BoardsApiTests
{
    private const string Board = "/api/v1/boards/manchester-hwb";
    private const string Manchester = "E08000003";
    private const string Days = "delayed-discharge-days";

    // Ten months around 40 (common cause), then a month far above the limits: a special-cause concern (lower is better).
    private static readonly double[] SteadyDays = [38, 42, 40, 44, 36, 41, 39, 43, 37, 40];

    private static object Commitment(string title = "Cut delayed discharges") => new
    {
        title, result = "Older people live well at home",
        indicators = new[] { Days, "emergency-admissions-65plus" },
        baseline = new { value = 40, date = "2025-01-01" }, target = new { value = 35, date = "2026-03-31" },
        leadAgency = "MFT", contributingAgencies = new[] { "MCC" },
    };

    [Theory, ClassData(typeof(Engines))]
    public async Task A_member_agency_makes_a_commitment_with_milestones_updates_and_an_override_each_audited(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);

        var created = await api.PostAsync($"{Board}/commitments", api.AgencyKey, Commitment());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal($"{Board}/commitments/{id}", created.Headers.Location!.OriginalString);

        var milestone = await api.PostAsync($"{Board}/commitments/{id}/milestones", api.AgencyKey,
            new { title = "Discharge-to-assess beds open", due = "2026-10-01", owner = "MCC" });
        Assert.Equal(HttpStatusCode.Created, milestone.StatusCode);
        var body = await milestone.Content.ReadFromJsonAsync<JsonElement>();
        // Due on 1 October 2026, not done: overdue within the grace, or missed after it, by today's date.
        var milestoneJson = body.GetProperty("milestones")[0];
        Assert.Contains(milestoneJson.GetProperty("state").GetString(), new[] { "overdue", "missed", "pending" });
        Assert.NotEqual("on_track", body.GetProperty("derived").GetString());
        var milestoneId = milestoneJson.GetProperty("id").GetString();

        var done = await api.PutAsync($"{Board}/commitments/{id}/milestones/{milestoneId}", api.AgencyKey,
            new { title = "Discharge-to-assess beds open", due = "2026-10-01", owner = "MCC", completedOn = "2026-10-20" });
        Assert.Equal("done", (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("milestones")[0].GetProperty("state").GetString());

        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync($"{Board}/commitments/{id}/updates", api.AgencyKey,
            new { text = "Twelve beds open at Withington", evidence = "https://example.org/d2a-report.pdf" })).StatusCode);

        var overridden = await api.PutAsync($"{Board}/commitments/{id}/override", api.AdminKey, new { status = "at_risk", reason = "Winter pressures" });
        var json = await overridden.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("at_risk", "Winter pressures"), (json.GetProperty("status").GetString(), json.GetProperty("override").GetProperty("reason").GetString()));
        Assert.Equal("overridden", json.GetProperty("reasons")[0].GetProperty("code").GetString());

        var cleared = await api.PutAsync($"{Board}/commitments/{id}/override", api.AdminKey, new { status = (string?)null, reason = "Pressures eased" });
        var after = await cleared.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, after.GetProperty("override").ValueKind);
        Assert.Equal(after.GetProperty("derived").GetString(), after.GetProperty("status").GetString());

        foreach (var action in new[] { "commitment_created", "milestone_added", "milestone_updated", "commitment_update_added",
                     "commitment_status_overridden", "commitment_override_cleared" })
            Assert.Equal(1, await api.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND subject = 'board:manchester-hwb/{id}'"));
        // The override and its clearing are both kept in the status history, with their reasons.
        Assert.Equal(1, await api.CountAsync("SELECT COUNT(*) FROM commitment_status_history WHERE overridden = 1 AND reason = 'Winter pressures'"));
        Assert.True(await api.CountAsync($"SELECT COUNT(*) FROM commitment_status_history WHERE commitment_id = '{id}'") >= 3);
    }

    [Fact]
    public async Task Bad_bodies_are_refused_naming_each_field_and_write_nothing()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);

        var response = await api.PostAsync($"{Board}/commitments", api.AgencyKey, new
        {
            title = " ", indicators = new[] { Days, "no-such-indicator", Days },
            target = new { value = 35, date = "31/03/2026" }, leadAgency = "GMP", contributingAgencies = new[] { "MFT" },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["title:required", "result:required", "indicators[1]:unknown_indicator", "indicators[2]:duplicate",
            "target.date:invalid_date", "leadAgency:not_member"], await ProblemsAsync(response));

        var fund = await api.PostAsync($"{Board}/fund", api.AgencyKey, new { kind = "spend", on = "2026-05-01", agency = "MFT", amount = 10.005m });
        Assert.Equal(["commitment:required", "amount:too_precise"], await ProblemsAsync(fund));
        var curve = await api.PutAsync($"{Board}/turn-the-curve/{Days}", api.AgencyKey,
            new { story = "Beds blocked by waits for care packages", whatWorks = new[] { new { idea = "New home-care contract", cost = "funded" } } });
        Assert.Equal(["whatWorks:no_low_cost_idea"], await ProblemsAsync(curve));
        var over = await api.PutAsync($"{Board}/commitments/c1/override", api.AgencyKey, new { status = "fine" });
        Assert.Equal(["status:not_one_of", "reason:required"], await ProblemsAsync(over));
        Assert.Equal(0, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action NOT LIKE 'api_key%'"));
    }

    [Fact]
    public async Task The_public_reads_summaries_and_records_but_writes_nothing_and_agencies_off_the_board_are_refused()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);
        await api.Node.CatalogueWriter.UpsertAgenciesAsync([new Agency("GMP", "Greater Manchester Police", "police")]);
        var outsider = await api.Node.CreateAgencyKeyAsync("GMP");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync($"{Board}/commitments", api.AgencyKey, Commitment())).StatusCode);

        var list = await (await api.GetAsync("/api/v1/boards", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, list[0].GetProperty("commitments").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.False(list[0].TryGetProperty("budget", out _));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(Board, null)).StatusCode);
        // Residents read what their services promised (statuses from published values); the meeting view and every
        // write stay with those who answer for the board.
        var records = await (await api.GetAsync($"{Board}/commitments", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Cut delayed discharges", records.GetProperty("commitments")[0].GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"{Board}/turn-the-curve/{Days}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"{Board}/commitments", outsider)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync($"{Board}/meeting", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsync($"{Board}/commitments", null, Commitment())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"{Board}/commitments", outsider, Commitment())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"{Board}/meeting", outsider)).StatusCode);
        // Chair and meetings: administrators and board members, not every member agency's key.
        var details = new { chair = "Cllr A. Smith", meetings = new[] { "2026-09-10", "2026-12-10" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsync($"{Board}/details", api.AgencyKey, details)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsync($"{Board}/details", api.AdminKey, details)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"{Board}/commitments", api.AdminKey)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/boards/no-such-board/commitments", api.AdminKey)).StatusCode);
        Assert.Equal(0, await api.CountAsync("SELECT COUNT(*) FROM audit_log WHERE actor LIKE '%GMP%'"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task A_return_that_moves_a_linked_indicator_into_special_cause_concern_takes_the_commitment_off_track_and_tells_the_board(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        await api.SubmitAsync([.. SteadyDays.Select((v, i) => Month($"2025-{i + 1:00}", v))]);
        var created = await (await api.PostAsync($"{Board}/commitments", api.AgencyKey, Commitment())).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();
        Assert.Equal("on_track", created.GetProperty("status").GetString());

        var feed = api.Node.Services.GetRequiredService<IChangeFeed>();
        // The commitment's own change may still be on its way: the one heard is the first made after the return.
        var submitted = DateTimeOffset.UtcNow;
        var heard = new BoardChanges(submitted);
        using var subscription = feed.Subscribe(heard);
        await api.SubmitAsync(Month("2025-11", 95));
        var systemMove =
            $"SELECT COUNT(*) FROM commitment_status_history WHERE commitment_id = '{id}' AND status = 'off_track' AND set_by = 'system'";
        // The board refreshes shortly after the return (refreshes asked for together run once, 50 ms on), and a refresh
        // left from the set-up's own return may be heard first: wait for the move this return makes.
        for (var i = 0; i < 200 && await api.CountAsync(systemMove) == 0; i++) await Task.Delay(50);

        var change = await heard.Next.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["board:manchester-hwb"], change.Groups);
        var board = await (await api.GetAsync($"{Board}/commitments", api.AgencyKey)).Content.ReadFromJsonAsync<JsonElement>();
        var commitment = board.GetProperty("commitments")[0];
        Assert.Equal("off_track", commitment.GetProperty("status").GetString());
        Assert.Equal(("indicator_moving_away", Days),
            (commitment.GetProperty("reasons")[0].GetProperty("code").GetString(), commitment.GetProperty("reasons")[0].GetProperty("subject").GetString()));
        // The move was recorded by the system, from the return, not by the person who last wrote.
        Assert.Equal(1, await api.CountAsync(systemMove));

        // Made since the last meeting, so it "was" nothing then; its history shows both statuses it has had since.
        var meeting = await (await api.GetAsync($"{Board}/meeting?since=2026-01-01", api.AgencyKey)).Content.ReadFromJsonAsync<JsonElement>();
        var moved = meeting.GetProperty("statusChanges")[0];
        Assert.Equal((id, JsonValueKind.Null, "off_track"), (moved.GetProperty("commitment").GetString(), moved.GetProperty("was").ValueKind, moved.GetProperty("now").GetString()));
        Assert.Equal(["on_track", "off_track"], moved.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("status").GetString()));
        Assert.Equal((Days, "special_cause_concern"), (meeting.GetProperty("specialCauses")[0].GetProperty("indicator").GetString(),
            meeting.GetProperty("specialCauses")[0].GetProperty("pointType").GetString()));
        Assert.Equal(0, meeting.GetProperty("recommendations").GetArrayLength());
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task Commitments_plans_and_the_fund_survive_a_restart_of_the_node(StoreEngine engine)
    {
        var database = await TestDatabase.CreateAsync(engine);
        string id;
        await using (var api = await CatalogueApiUnderTest.StartOnAsync(database))
        {
            id = (await (await api.PostAsync($"{Board}/commitments", api.AgencyKey, Commitment())).Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("id").GetString()!;
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsync($"{Board}/fund", api.AgencyKey,
                new { kind = "contribution", on = "2026-04-01", agency = "MFT", amount = 1250.50m })).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsync($"{Board}/fund", api.AgencyKey,
                new { kind = "spend", on = "2026-05-01", agency = "MCC", commitment = id, amount = 200m })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.PutAsync($"{Board}/turn-the-curve/{Days}", api.AgencyKey, new
            {
                story = "Waits for home care keep people in hospital",
                partners = new[] { new { agency = "MCC", role = "Commissions home care" } },
                whatWorks = new[] { new { idea = "Trusted assessors on wards", cost = "low_cost" }, new { idea = "New contract", cost = "funded" } },
            })).StatusCode);
        }
        await using (var api = await CatalogueApiUnderTest.StartOnAsync(database, seed: false))
        {
            var board = await (await api.GetAsync($"{Board}/commitments", api.AdminKey)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(id, board.GetProperty("commitments")[0].GetProperty("id").GetString());
            var year = board.GetProperty("budget")[0];
            Assert.Equal(("2026/27", 125_050, 20_000, 105_050), (year.GetProperty("financialYear").GetString(),
                year.GetProperty("contributedPence").GetInt64(), year.GetProperty("spentPence").GetInt64(), year.GetProperty("balancePence").GetInt64()));
            Assert.Equal(20_000, year.GetProperty("spentBySector").GetProperty("local_government").GetInt64());
            var curve = await (await api.GetAsync($"{Board}/turn-the-curve/{Days}", api.AdminKey)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Waits for home care keep people in hospital", curve.GetProperty("plan").GetProperty("story").GetString());
            Assert.Equal(id, curve.GetProperty("actionPlan")[0].GetProperty("id").GetString());
            Assert.Equal(2, await api.CountAsync("SELECT COUNT(*) FROM pooled_fund_ledger WHERE amount_pence IN (125050, 20000)"));
        }
        await database.DisposeAsync();
    }

    private static object Month(string period, double numerator) =>
        new { place = Manchester, indicator = Days, period, numerator, denominator = (double?)null };

    private static async Task<List<string>> ProblemsAsync(HttpResponseMessage response) =>
        [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("field").GetString()}:{e.GetProperty("code").GetString()}")];

    private sealed class BoardChanges(DateTimeOffset since) : IChangeListener
    {
        private readonly TaskCompletionSource<Change> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task<Change> Next => _next.Task;

        public ValueTask OnChangedAsync(Change change, CancellationToken cancellationToken)
        {
            if (change.Kind == ChangeKinds.Board && change.At >= since) _next.TrySetResult(change);
            return ValueTask.CompletedTask;
        }
    }
}
