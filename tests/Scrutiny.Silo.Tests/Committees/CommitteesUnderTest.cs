using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Api;
using Scrutiny.Silo.Tests.People;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Committees;

/// <summary>
/// A node on the minimal catalogue with a clock the test moves, committee <see cref="CommitteeId"/> for Manchester (made
/// through the API by an administrator), and keys for MFT, MCC (both on manchester-hwb) and GMP (on no board).
/// </summary>
public sealed class CommitteesUnderTest(CatalogueApiUnderTest api, ManualTime time, string mccKey, string gmpKey) : IAsyncDisposable
{
    public const string CommitteeId = "manchester-health-scrutiny";
    public const string Base = $"/api/v1/committees/{CommitteeId}";
    public const string Board = "manchester-hwb";
    public const string Manchester = "E08000003";

    /// <summary>A Saturday in January: made on this day, a response is due two months on, on 10 March.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    public CatalogueApiUnderTest Api => api;
    public ManualTime Time => time;
    public string AdminKey => api.AdminKey;
    public string MftKey => api.AgencyKey;
    public string MccKey => mccKey;
    public string GmpKey => gmpKey;
    public IServiceProvider Services => api.Node.Services;

    public static async Task<CommitteesUnderTest> StartAsync(StoreEngine engine, int? responseMonths = null)
    {
        var time = new ManualTime(Start);
        return await SetUpAsync(await CatalogueApiUnderTest.StartAsync(engine, time), time, responseMonths);
    }

    /// <summary>On a database the caller keeps, for a restart.</summary>
    public static async Task<CommitteesUnderTest> StartOnAsync(TestDatabase database, bool seed, ManualTime? time = null)
    {
        time ??= new ManualTime(Start);
        var api = await CatalogueApiUnderTest.StartOnAsync(database, seed, time);
        if (!seed) return new CommitteesUnderTest(api, time, await api.Node.CreateAgencyKeyAsync("MCC"), await api.Node.CreateAgencyKeyAsync("GMP"));
        return await SetUpAsync(api, time, null);
    }

    private static async Task<CommitteesUnderTest> SetUpAsync(CatalogueApiUnderTest api, ManualTime time, int? responseMonths)
    {
        await api.Node.CatalogueWriter.UpsertAgenciesAsync([new Agency("GMP", "Greater Manchester Police", "police")]);
        var made = await api.PostAsync("/api/v1/committees", api.AdminKey, new
        {
            id = CommitteeId, name = "Manchester Health Scrutiny Committee", place = Manchester, responseMonths, meetings = new[] { "2026-01-08", "2026-03-05" },
        });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        return new CommitteesUnderTest(api, time, await api.Node.CreateAgencyKeyAsync("MCC"), await api.Node.CreateAgencyKeyAsync("GMP"));
    }

    public static object ToAgency(string code, string text = "Publish a discharge-to-assess plan for winter") =>
        new { text, addressee = new { kind = "agency", code }, evidence = new[] { new { kind = "indicator", reference = $"{Manchester}/delayed-discharge-days" } } };

    public static object ToBoard(string text = "Pool the reablement budget") => new { text, addressee = new { kind = "board", code = Board } };

    /// <summary>Makes a recommendation as an administrator (the API's committee voice); its id.</summary>
    public async Task<string> MakeAsync(object body)
    {
        var response = await api.PostAsync($"{Base}/recommendations", AdminKey, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> GetJsonAsync(string path, string key)
    {
        var response = await api.GetAsync(path, key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<string> StateAsync(string id) =>
        (await GetJsonAsync($"{Base}/recommendations/{id}", AdminKey)).GetProperty("state").GetString()!;

    public void Advance(int days) => time.Now = time.Now.AddDays(days);

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A signed-in person's principal with one role claim, as the dashboard's cookie would carry it.</summary>
    public static ClaimsPrincipal Person(long id, string claim, string value) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, $"person:{id}"), new Claim(claim, value)], "test"));

    public static ClaimsPrincipal CommitteeMember => Person(1, ScrutinyAuth.CommitteeClaim, CommitteeId);
    public static ClaimsPrincipal BoardMember => Person(2, ScrutinyAuth.BoardClaim, Board);

    public ValueTask DisposeAsync() => api.DisposeAsync();
}
