using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Schedule;

/// <summary>
/// A node with the minimal catalogue (MCC and MFT on Manchester's board), keys for both agencies and an
/// administrator, and schedules chosen so that, whatever today is, <see cref="Old"/> is past due and locked and
/// <see cref="Recent"/> has ended but is not yet due.
/// </summary>
internal sealed class ScheduleUnderTest(TestDatabase database, TestNode node, string mcc, string mft, string admin) : IAsyncDisposable
{
    public const string Manchester = "E08000003";
    public const string Admissions = "emergency-admissions-65plus";
    public const string DelayedDischarge = "delayed-discharge-days";

    // 45 due days: the month just ended is due at least 14 days from now; four months back is long past due.
    public static readonly IndicatorSchedule AdmissionsSchedule = new(Admissions, 45, LockDays: 10, Target: null);
    public static readonly IndicatorSchedule DelayedDischargeSchedule = new(DelayedDischarge, 45, LockDays: null, Target: null);

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
    public static Period Old => Period.Containing(Today.AddMonths(-4), Frequency.Monthly);
    public static Period Recent => Period.Containing(Today.AddMonths(-1), Frequency.Monthly);

    public TestNode Node => node;
    public string Mcc => mcc;
    public string Mft => mft;
    public string Admin => admin;

    public static async Task<ScheduleUnderTest> StartAsync(StoreEngine engine)
    {
        var database = await TestDatabase.CreateAsync(engine);
        var node = await TestNode.StartAsync(database);
        await MinimalCatalogue.SeedAsync(node.CatalogueWriter);
        await node.CatalogueWriter.SetScheduleAsync(AdmissionsSchedule);
        await node.CatalogueWriter.SetScheduleAsync(DelayedDischargeSchedule);
        var admin = await node.Services.GetRequiredService<ApiKeyStore>().CreateAsync(null, isAdmin: true);
        return new ScheduleUnderTest(database, node, await node.CreateAgencyKeyAsync("MCC"), await node.CreateAgencyKeyAsync("MFT"), admin);
    }

    /// <summary>A return sent straight to the indicator grain, so that it carries the timestamp the test chooses.</summary>
    public Task SubmitAsync(string agency, string indicator, Period period, DateTimeOffset submittedAt, double numerator = 10, double? denominator = null) =>
        node.Services.GetRequiredService<IGrainFactory>().GetGrain<IIndicatorGrain>(IndicatorKey.For(Manchester, indicator))
            .SubmitAsync(new ReturnSubmission(Guid.NewGuid().ToString("N"), "test", submittedAt,
                [new ReturnedValue(period.ToString(), agency, numerator, denominator ?? (indicator == Admissions ? 61000 : null), null)]));

    /// <summary>Noon UTC on <paramref name="day"/>.</summary>
    public static DateTimeOffset On(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    public Task<HttpResponseMessage> GetAsync(string? key, string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path), key);

    public Task<HttpResponseMessage> PostAsync(string? key, string path, object body) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }, key);

    public Task<HttpResponseMessage> PutAsync(string? key, string path, object body) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) }, key);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The (field, code) pairs of a 422's errors.</summary>
    public static async Task<IReadOnlyList<(string?, string?)>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return [.. (await JsonAsync(response)).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString()))];
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? key)
    {
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return node.Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await node.DisposeAsync();
        await database.DisposeAsync();
    }
}
