using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Statistics.PlainWords;
using Scrutiny.Silo.Benchmarks;
using Scrutiny.Silo.Schedule;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Publication;

/// <summary>
/// "What changed this month" in a place: for every indicator with a period whose value became visible to the reader
/// in the month (<see cref="NewPeriods"/>), the newest such period in plain words (<see cref="ChangeSentences"/>),
/// from the statistics the indicator grain computed for the reader's view and the benchmarks the scorecard and the
/// indicator page use. Nothing is recomputed here but the run of moves, which the series shows.
/// </summary>
public sealed class WhatChanged(ICatalogueReader catalogue, BenchmarkService benchmarks, PublicationReleases releases, TimeProvider time)
{
    /// <summary>
    /// The place's news in <paramref name="month"/> (a monthly period; the current UTC month when null), as
    /// <paramref name="outcomes"/>' reader may see it, by theme and title; empty for a place not in the catalogue.
    /// <paramref name="format"/> writes a value of an indicator as the pages do.
    /// </summary>
    public Task<IReadOnlyList<ChangeEntry>> ForPlaceAsync(VisibleOutcomes outcomes, string placeCode,
        Func<IndicatorDefinition, double, string> format, Period? month = null, CancellationToken cancellationToken = default)
    {
        var chosen = month ?? CurrentMonth();
        if (chosen.Frequency != Frequency.Monthly) throw new ArgumentException("The month must be a monthly period.", nameof(month));
        return BetweenAsync(outcomes, placeCode, format, ReturnStatusRules.StartOf(chosen.Start), ReturnStatusRules.StartOf(chosen.End), cancellationToken);
    }

    /// <summary>
    /// The place's news that became visible to <paramref name="outcomes"/>' reader from <paramref name="from"/> up to
    /// (not including) <paramref name="to"/>: for each indicator the newest such period, as <see cref="ForPlaceAsync"/>
    /// words it. The emails ask for the days since they last wrote.
    /// </summary>
    public async Task<IReadOnlyList<ChangeEntry>> BetweenAsync(VisibleOutcomes outcomes, string placeCode,
        Func<IndicatorDefinition, double, string> format, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var places = await catalogue.PlaceHierarchyAsync(cancellationToken);
        if (!places.ByCode.TryGetValue(placeCode, out var place)) return [];

        // An entry kept for the public outlives the request that made it: another reader's cancellation must not end it.
        var making = outcomes.IsThePublics ? CancellationToken.None : cancellationToken;
        var context = new Reading(outcomes, place, places, format, await outcomes.ViewAsync(placeCode),
            (await catalogue.ListSchedulesAsync(cancellationToken)).ToDictionary(s => s.Code, StringComparer.Ordinal),
            new Lazy<Task<Dictionary<(string, string), DateTimeOffset>>>(() => ReleasesAsync(making)),
            from, to, making);
        // The public's entries are kept on this node until their indicator changes (a return, a release, a catalogue or
        // settings edit) or the date moves; the key holds what else they depend on: the month, the place's comparator
        // group and the formatter. (A window's entries are dropped with the rest at midnight: PublishedPoints keeps a day.)
        var group = (await catalogue.ListComparatorGroupsAsync(placeCode, cancellationToken)).FirstOrDefault();
        var key = $"what-changed {placeCode} {from:O} {to:O} {group?.Id} {string.Join(',', group?.Members ?? [])} {format.Method.DeclaringType}.{format.Method.Name}";
        var entries = await Task.WhenAll((await catalogue.ListIndicatorsAsync(cancellationToken))
            .Select(i => outcomes.MadeForThePublicAsync(i.Code, key, () => EntryAsync(context, i))));
        return [.. entries.OfType<ChangeEntry>()
            .OrderBy(e => e.Indicator.Theme, StringComparer.Ordinal).ThenBy(e => e.Indicator.Title, StringComparer.Ordinal)];
    }

    /// <summary>The month a page means by "this month": the current UTC month.</summary>
    public Period CurrentMonth() => Period.Containing(time.Today(), Frequency.Monthly);

    private sealed record Reading(
        VisibleOutcomes Outcomes, Place Place, PlaceHierarchy Places, Func<IndicatorDefinition, double, string> Format, DataView View,
        Dictionary<string, IndicatorSchedule> Schedules, Lazy<Task<Dictionary<(string Indicator, string Period), DateTimeOffset>>> Released,
        DateTimeOffset From, DateTimeOffset To, CancellationToken CancellationToken);

    private async Task<Dictionary<(string, string), DateTimeOffset>> ReleasesAsync(CancellationToken cancellationToken) =>
        (await releases.ListAsync(null, cancellationToken))
            .GroupBy(r => (r.Indicator, r.Period)).ToDictionary(g => g.Key, g => g.Min(r => r.ReleasedAt));

    private async Task<ChangeEntry?> EntryAsync(Reading r, IndicatorDefinition indicator)
    {
        var series = await r.Outcomes.SeriesAsync(r.Place.Code, indicator.Code);
        var schedule = r.Schedules.GetValueOrDefault(indicator.Code);
        // Read only when a release can matter: an on_release indicator (here, in the public's window; IsPublicAsync, in an entitled reader's).
        var released = r.View == DataView.Published && schedule?.Publication == PublicationRule.OnRelease ? await r.Released.Value : null;
        for (var i = series.Points.Count - 1; i >= 0; i--)
        {
            var point = series.Points[i];
            if (point.Value is null || !Period.TryParse(point.Period, out var period)) continue;
            var visibleFrom = NewPeriods.VisibleFrom(point, r.View, schedule,
                released is not null && released.TryGetValue((indicator.Code, point.Period), out var at) ? at : null);
            if (visibleFrom is not { } from || from < r.From || from >= r.To) continue;
            var figures = await FiguresAsync(r.Outcomes, r.Place, r.Places, r.Format, series, i, period, r.CancellationToken);
            return new ChangeEntry(indicator, point.Period, ChangeSentences.Build(figures), from, await IsPublicAsync(r, schedule, period, point.Period));
        }
        return null;
    }

    /// <summary>
    /// The plain words for the period at <paramref name="index"/> of a place's series, read through
    /// <paramref name="outcomes"/>: what the place's feed says of each new value. The point must have a value.
    /// </summary>
    public async Task<PlainChange> DescribeAsync(VisibleOutcomes outcomes, string placeCode, IndicatorSeries series, int index,
        Func<IndicatorDefinition, double, string> format, CancellationToken cancellationToken = default)
    {
        var places = await catalogue.PlaceHierarchyAsync(cancellationToken);
        if (!places.ByCode.TryGetValue(placeCode, out var place)) throw new ArgumentException($"No place {placeCode}.", nameof(placeCode));
        if (!Period.TryParse(series.Points[index].Period, out var period)) throw new ArgumentException("The point's period does not parse.", nameof(index));
        return ChangeSentences.Build(await FiguresAsync(outcomes, place, places, format, series, index, period, cancellationToken));
    }

    private async Task<ChangeFigures> FiguresAsync(VisibleOutcomes outcomes, Place place, PlaceHierarchy places,
        Func<IndicatorDefinition, double, string> format, IndicatorSeries series, int index, Period period, CancellationToken cancellationToken)
    {
        var indicator = series.Indicator;
        var values = series.Points.Where(p => p.Value is not null).ToDictionary(p => p.Period, p => p.Value!.Value, StringComparer.Ordinal);
        double? ValueOf(Period p) => values.TryGetValue(p.ToString(), out var v) ? v : null;
        var value = series.Points[index].Value!.Value;
        var previous = ValueOf(period.Previous());

        var compared = await benchmarks.CompareWithParentAndEnglandAsync(outcomes, place, indicator, series.Points[index].Period, places);
        var similar = await benchmarks.CompareWithSimilarAreasAsync(outcomes, place, indicator, series.Points[index].Period, compared.Own,
            places, cancellationToken);
        var statistics = series.Statistics;
        return new ChangeFigures(indicator.Title, indicator.Polarity, period, Formatted(format, indicator, value),
            previous is { } p ? Formatted(format, indicator, p) : null,
            series.Points.Take(index).Any(x => x.Value is not null), Run(value, previous, period, ValueOf),
            statistics.Points[index].Spc?.PointType, compared.England?.Outcome, similar?.Outcome,
            statistics.Target is { } t ? Formatted(format, indicator, t) : null, statistics.AssuranceIcon,
            compared.England?.Value is { } england ? Formatted(format, indicator, england) : null, similar?.Name,
            similar?.Value is { } mean ? Formatted(format, indicator, mean) : null);
    }

    private static FormattedNumber Formatted(Func<IndicatorDefinition, double, string> format, IndicatorDefinition indicator, double value) =>
        new(value, format(indicator, value));

    /// <summary>How many periods in a row, ending at <paramref name="period"/>, the value moved the way it moved last; a gap or a still period ends the run.</summary>
    private static int Run(double value, double? previous, Period period, Func<Period, double?> valueOf)
    {
        if (previous is not { } before || before == value) return 0;
        var direction = Math.Sign(value - before);
        var run = 1;
        for (var cursor = period.Previous(); valueOf(cursor) is { } later && valueOf(cursor.Previous()) is { } earlier
             && Math.Sign(later - earlier) == direction; cursor = cursor.Previous())
            run++;
        return run;
    }

    // The public's view holds published periods only; an entitled reader's page marks the others.
    private async Task<bool> IsPublicAsync(Reading r, IndicatorSchedule? schedule, Period period, string text)
    {
        if (r.View == DataView.Published || schedule is null) return true;
        // The request's one read of the releases (the same the public's window uses), not one read per indicator.
        var released = schedule.Publication == PublicationRule.OnRelease && (await r.Released.Value).ContainsKey((schedule.Code, text));
        return schedule.IsPublished(period, time.Today(), released);
    }
}
