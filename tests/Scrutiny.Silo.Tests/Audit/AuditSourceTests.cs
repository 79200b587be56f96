using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Returns;
using Scrutiny.Silo.Store;
using Scrutiny.Silo.Tests.Api;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Audit;

/// <summary>Every audit row says where its change came from: the caller's IP address, cli, or system.</summary>
public sealed class AuditSourceTests
{
    private const string Manchester = "E08000003";
    private const string Days = "delayed-discharge-days";

    [Theory, ClassData(typeof(Engines))]
    public async Task A_target_set_through_the_api_is_audited_by_the_grain_with_the_callers_address(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);

        var set = await api.PutAsync($"/api/v1/places/{Manchester}/indicators/{Days}/target", api.AgencyKey, new { value = 30, reason = "Plan" });

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(["127.0.0.1"], await SourcesAsync(api, "target_set"));
    }

    [Theory, ClassData(typeof(Engines))]
    public async Task An_accepted_returns_batch_is_audited_once_with_who_and_from_where_and_a_rejected_or_dry_run_is_not(StoreEngine engine)
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(engine);
        var row = new { place = Manchester, indicator = Days, period = "2026-01", numerator = 40 };

        await api.SubmitAsync(row);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/returns?dryRun=true", api.AgencyKey, new { returns = new[] { row } })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            (await api.PostAsync("/api/v1/returns", api.AgencyKey, new { returns = new[] { new { place = "nope", indicator = Days, period = "2026-01", numerator = 1 } } })).StatusCode);

        await using var connection = await api.Node.Services.GetRequiredService<Database>().OpenAsync();
        var audit = (await connection.QueryAsync<(string Actor, string Subject, string Source, string Detail)>(
            "SELECT actor, subject, source, detail FROM audit_log WHERE action = @action", new { action = ReturnsImporter.BatchAcceptedAction })).Single();
        var batch = await connection.QuerySingleAsync<(string Id, string SubmittedBy)>("SELECT id, submitted_by FROM return_batches");
        Assert.Equal((batch.SubmittedBy, $"MFT/{batch.Id}", "127.0.0.1"), (audit.Actor, audit.Subject, audit.Source));
        Assert.Contains("\"rows\":1", audit.Detail);
    }

    [Fact]
    public async Task Work_with_no_caller_is_the_systems_and_a_scope_sets_the_source_for_the_flow_it_starts()
    {
        await using var api = await CatalogueApiUnderTest.StartAsync(StoreEngine.Sqlite);
        var writer = api.Node.CatalogueWriter;
        var at = DateTimeOffset.UtcNow;

        await writer.SaveComparatorGroupAsync(new("g1", "Group one", Manchester, ["E08000009"]), "someone", at);
        using (AuditSource.Use(AuditSource.Cli))
            await Task.Run(() => writer.SaveComparatorGroupAsync(new("g2", "Group two", Manchester, ["E08000009"]), "someone", at));

        Assert.Equal([AuditSource.System, AuditSource.Cli], await SourcesAsync(api, "comparator_group_created"));
        Assert.Equal(AuditSource.System, AuditSource.Current);
    }

    private static async Task<List<string>> SourcesAsync(CatalogueApiUnderTest api, string action)
    {
        await using var connection = await api.Node.Services.GetRequiredService<Database>().OpenAsync();
        return [.. await connection.QueryAsync<string>("SELECT source FROM audit_log WHERE action = @action ORDER BY id", new { action })];
    }
}
