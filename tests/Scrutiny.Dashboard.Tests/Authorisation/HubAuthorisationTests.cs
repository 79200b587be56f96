using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.Authorisation;

/// <summary>
/// The hub's row of the authorisation table: every kind of watcher, connected over the real hub, watches each group
/// that shows Manchester's delayed-discharge days, and an embargoed (unpublished) value is submitted. Only an
/// administrator (key or person) and a member of Manchester's board hear it; everyone else hears the published changes
/// that follow and nothing before them. Any name the hub does not issue (the entitled twin's, a look-alike, a case or
/// whitespace variant) is refused with a hub error, for every watcher, and hears nothing.
/// </summary>
public sealed class HubAuthorisationTests(MatrixApp matrix) : IClassFixture<MatrixApp>
{
    private const string Board = "manchester-hwb";

    private static readonly HashSet<HubWatcher> Entitled = [HubWatcher.AdministratorKey, HubWatcher.Administrator, HubWatcher.BoardMember];

    private static readonly string[] Groups =
        [ChangeGroups.Place(Manchester), ChangeGroups.Indicator(Manchester, DelayedDays), ChangeGroups.Board(Board)];

    [Fact]
    public async Task Only_entitled_watchers_hear_an_embargoed_value_and_everyone_hears_what_is_published()
    {
        await EmbargoAsync();
        var listeners = new List<(HubWatcher Watcher, string Group, HubListener Listener)>();
        try
        {
            foreach (var watcher in Enum.GetValues<HubWatcher>())
                foreach (var group in Groups)
                {
                    var listener = await ConnectAsync(watcher);
                    listeners.Add((watcher, group, listener));
                    await listener.WatchAsync(group);
                }

            await Returns.PostAsync(matrix.App, matrix.Keys.Agency,
                new { place = Manchester, indicator = DelayedDays, period = "2026-09", numerator = 321 });

            // Entitled watchers hear it; by then it has been sent to every connection it was ever going to reach.
            var wrong = new List<string>();
            foreach (var (watcher, group, listener) in listeners.Where(l => Entitled.Contains(l.Watcher)))
                if (!IsTheEmbargoedValue(await listener.NextAsync(), group))
                    wrong.Add($"{watcher} on {group} heard something else first: {listener.Received.First()}");
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
            foreach (var (watcher, group, listener) in listeners.Where(l => !Entitled.Contains(l.Watcher)))
                if (!listener.Received.IsEmpty)
                    wrong.Add($"{watcher} on {group} heard an embargoed change: {listener.Received.First()}");

            // The period's release and a published value: everyone watching hears of them (they are really watching).
            await Releases.PostAsync(matrix.App, matrix.Keys.Admin, DelayedDays, "2026-09");
            await Returns.PostAsync(matrix.App, matrix.Keys.Agency,
                new { place = Manchester, indicator = StillAtHome, period = "2026-Q2", numerator = 80, denominator = 100 });
            foreach (var (watcher, group, listener) in listeners.Where(l => !Entitled.Contains(l.Watcher)))
                try
                {
                    await listener.NextAsync();
                }
                catch (TimeoutException e)
                {
                    wrong.Add($"{watcher} on {group} heard nothing published: {e.Message}");
                }

            Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        }
        finally
        {
            foreach (var (_, _, listener) in listeners) await listener.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_name_the_hub_did_not_issue_is_refused_for_every_watcher_and_hears_nothing()
    {
        await EmbargoAsync();
        var names = Groups.SelectMany(HubNames.HostileVariantsOf).Concat(HubNames.Malformed).ToList();
        var listeners = new List<(HubWatcher Watcher, HubListener Listener)>();
        var wrong = new List<string>();
        await using var control = await HubListener.ConnectAsync(matrix.App, apiKey: matrix.Keys.Admin);
        try
        {
            foreach (var watcher in Enum.GetValues<HubWatcher>())
            {
                var listener = await ConnectAsync(watcher);
                listeners.Add((watcher, listener));
                foreach (var (why, name) in names)
                {
                    var refusal = await Record.ExceptionAsync(() => listener.WatchAsync(name));
                    // A refusal the hub meant: its own message, not "an unexpected error", and the connection stays up.
                    if (refusal is not HubException { Message: var message } || !message.Contains("HubException:", StringComparison.Ordinal))
                        wrong.Add($"{watcher}: Watch({Printable(name)}) ({why}) was not refused: {refusal?.Message ?? "accepted"}");
                    if (await Record.ExceptionAsync(() => listener.UnwatchAsync(name)) is not HubException)
                        wrong.Add($"{watcher}: Unwatch({Printable(name)}) ({why}) was not refused");
                }
                if (listener.Connection.State != HubConnectionState.Connected)
                    wrong.Add($"{watcher}: the connection did not survive the refusals: {listener.ClosedWith?.Message}");
            }
            await control.WatchAsync(ChangeGroups.Indicator(Manchester, DelayedDays));

            await Returns.PostAsync(matrix.App, matrix.Keys.Agency,
                new { place = Manchester, indicator = DelayedDays, period = "2026-04", numerator = 123 });

            await control.NextAsync();
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
            foreach (var (watcher, listener) in listeners.Where(l => !l.Listener.Received.IsEmpty))
                wrong.Add($"{watcher} heard {listener.Received.Count} change(s) through names the hub refuses: {listener.Received.First()}");
            Assert.True(wrong.Count == 0, $"{wrong.Count} wrong:\n" + string.Join("\n", wrong.Take(60)));
        }
        finally
        {
            foreach (var (_, listener) in listeners) await listener.DisposeAsync();
        }
    }

    /// <summary>Delayed-discharge days are published on release: a value sent for an unreleased period is embargoed.</summary>
    private Task EmbargoAsync() =>
        matrix.App.Get<CatalogueWriter>().SetScheduleAsync(new IndicatorSchedule(DelayedDays, 30, null, null, PublicationRule.OnRelease));

    private static bool IsTheEmbargoedValue(Dashboard.Live.ChangeMessage change, string group) => group switch
    {
        _ when group.StartsWith("indicator:", StringComparison.Ordinal) => change is { Kind: ChangeKinds.Indicator, Period: "2026-09" },
        _ when group.StartsWith("place:", StringComparison.Ordinal) =>
            change.Kind == ChangeKinds.Place && change.Keys.GetValueOrDefault(ChangeKeys.Indicator) == DelayedDays && change.Period == "2026-09",
        _ => change.Kind == ChangeKinds.Board,
    };

    private Task<HubListener> ConnectAsync(HubWatcher watcher) => watcher switch
    {
        HubWatcher.Anonymous => HubListener.ConnectAsync(matrix.App),
        HubWatcher.AgencyKey => HubListener.ConnectAsync(matrix.App, apiKey: matrix.Keys.Agency),
        HubWatcher.AdministratorKey => HubListener.ConnectAsync(matrix.App, apiKey: matrix.Keys.Admin),
        HubWatcher.Administrator => HubListener.ConnectAsync(matrix.App, cookie: matrix.Session(Caller.Administrator).CookieHeader),
        HubWatcher.AgencySubmitter => HubListener.ConnectAsync(matrix.App, cookie: matrix.Session(Caller.Agency).CookieHeader),
        HubWatcher.BoardMember => HubListener.ConnectAsync(matrix.App, cookie: matrix.Session(Caller.BoardMember).CookieHeader),
        HubWatcher.OtherBoardMember => HubListener.ConnectAsync(matrix.App, cookie: matrix.OtherBoardMember.CookieHeader),
        HubWatcher.ScrutinyMember => HubListener.ConnectAsync(matrix.App, cookie: matrix.Session(Caller.ScrutinyMember).CookieHeader),
        _ => throw new ArgumentOutOfRangeException(nameof(watcher)),
    };

    private static string Printable(string name) =>
        string.Concat(name.Length > 60 ? name[..60] + "…" : name).Replace("\0", "\\0", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
