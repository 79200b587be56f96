using System.Diagnostics;
using CsCheck;
using Scrutiny.Silo.Store;

namespace Scrutiny.Dashboard.Tests.HostileInput;

/// <summary>
/// Generated hostile requests (route values, query strings, headers and bodies) to every endpoint of the
/// authorisation table, as every kind of caller, on both engines. Each answer keeps <see cref="FuzzChecks"/>'
/// promises. The run's seed is printed; SCRUTINY_FUZZ_SEED replays it and SCRUTINY_FUZZ_CASES sends more.
/// </summary>
public sealed class HostileInputTests
{
    [Theory]
    [InlineData(StoreEngine.Sqlite)]
    [InlineData(StoreEngine.Postgres)]
    public async Task Hostile_input_at_every_endpoint_gets_no_server_error_no_unpublished_value_and_no_write_when_refused(StoreEngine engine)
    {
        var settings = FuzzSettings.Current;
        await using var world = await FuzzWorld.StartAsync(engine);
        await AssertEmbargoIsInPlaceAsync(world);
        var clock = Stopwatch.StartNew();

        // One generator stream per engine from the same seed: a seed replays on either engine alone.
        var random = new PCG(1, settings.Seed);
        var failures = new List<FuzzFailure>();
        var before = await world.Fingerprint.TakeAsync();
        for (var i = 0; i < settings.Cases; i++)
        {
            var request = world.Generator.Requests.Generate(random, null, out _) with { Case = i };
            var logged = world.Logs.Messages.Count;
            FuzzAnswer? answer = null;
            try { answer = await world.SendAsync(request); }
            // Kestrel may close the connection on a request it cannot parse: no answer is no promise broken.
            catch (HttpRequestException) { }
            var after = await world.Fingerprint.TakeAsync();
            var errors = world.Logs.Messages.Skip(logged).Where(FuzzChecks.IsError).ToList();
            failures.AddRange(FuzzChecks.Check(request, answer, errors, StoreFingerprint.Changed(before, after)));
            before = after;
        }

        var summary = $"{engine}: {settings.Cases} cases in {clock.Elapsed.TotalSeconds:F0} s, {failures.Count} failures " +
                      $"({failures.Count(f => f.Kind == FuzzChecks.ServerError)} 5xx); replay with {settings.Replay}";
        TestContext.Current.SendDiagnosticMessage(summary);
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Assert.True(failures.Count == 0, Report(summary, failures));
    }

    [Fact]
    public async Task Requests_are_generated_for_every_row_of_the_authorisation_table()
    {
        await using var world = await FuzzWorld.StartAsync(StoreEngine.Sqlite);

        var generated = world.Generator.Endpoints.Select(e => e.ToString()).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain(Authorisation.AuthorisationTable.Rules.Keys, row => !generated.Contains(row));
        // The pages' own query parameters and forms are read from the app, not listed here: a sample proves the reading works.
        Assert.Contains("page", world.Generator.Endpoints.Single(e => e.ToString() == "GET /admin/audit").QueryNames);
        Assert.NotEmpty(world.Generator.Endpoints.Single(e => e.ToString() == "POST /admin/people/new").FormFields);
    }

    /// <summary>The embargo is real (an entitled reader sees the value) and holds before anything is sent, so that no leak found later is the set-up's.</summary>
    private static async Task AssertEmbargoIsInPlaceAsync(FuzzWorld world)
    {
        var anonymous = await world.Matrix.Session(Authorisation.Caller.Anonymous).GetAsync(Embargo.Page);
        var board = await world.Matrix.Session(Authorisation.Caller.BoardMember).GetAsync(Embargo.Page);
        Assert.Null(Embargo.Find(await anonymous.Content.ReadAsStringAsync()));
        Assert.NotNull(Embargo.Find(await board.Content.ReadAsStringAsync()));
    }

    /// <summary>The first failure in full, then one line per kind of failure with how often and where it first happened.</summary>
    private static string Report(string summary, IReadOnlyList<FuzzFailure> failures) =>
        $"{summary}\n\nFirst failure:\n{failures.FirstOrDefault()}\n\nAll failures, by kind:\n" + string.Join("\n",
            failures.GroupBy(f => f.Signature).Select(g =>
                $"{g.Count(),5} × {g.Key}, first case {g.First().Request.Case}{(g.First().Known is { } known ? $" [known: {known}]" : " [NEW]")}")) +
        "\n\nFirst of each new kind:\n" + string.Join("\n", failures.Where(f => f.Known is null).GroupBy(f => f.Signature).Select(g => g.First())) +
        "\n\nFirst of each known kind, in brief:\n" + string.Join("\n", failures.Where(f => f.Known is not null).GroupBy(f => f.Signature)
            .Select(g => $"{g.First().Request.Method} {g.First().Request.PathAndQuery[..Math.Min(300, g.First().Request.PathAndQuery.Length)]}: " +
                         g.First().Detail.Split('\n')[0]));
}
