using Scrutiny.Dashboard.Agencies;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Schedule;
using Scrutiny.Silo.Store;

namespace Scrutiny.Dashboard.Calendars;

/// <summary>
/// An agency's calendar: the days its returns are due, for each place and indicator it owes ("our returns"), for the
/// last <see cref="Ended"/> periods that have ended, the current one and the next <see cref="Ahead"/>. A due day follows
/// from the indicator's schedule, so an event's UID (agency, place, indicator, period) keeps it whatever the schedule
/// says. Operational, not published: for the agency's own people and administrators only.
/// </summary>
public sealed class AgencyCalendar(ICatalogueReader catalogue, ReturnsExpectations expectations, TimeProvider time)
{
    /// <summary>Ended periods whose returns may still be coming in (a monthly return is due a month after its month).</summary>
    public const int Ended = 2;

    /// <summary>Periods after the current one: a quarter's or a year's due day is then on the calendar well ahead.</summary>
    public const int Ahead = 2;

    public static string Name(Agency agency) => $"{agency.Name}: returns due";

    /// <summary>Null when no agency has this code.</summary>
    public async Task<Calendar?> ReadAsync(string code, CancellationToken cancellationToken = default)
    {
        if (await catalogue.FindAgencyAsync(code, cancellationToken) is not { } agency) return null;
        var today = time.Today();
        var indicators = (await catalogue.ListIndicatorsAsync(cancellationToken)).ToDictionary(i => i.Code, StringComparer.Ordinal);
        var schedules = (await catalogue.ListSchedulesAsync(cancellationToken)).ToDictionary(s => s.Code, StringComparer.Ordinal);
        var places = (await catalogue.ListPlacesAsync(cancellationToken)).ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
        var events = new List<CalendarEvent>();
        foreach (var owed in await expectations.ListAsync(new ReturnsScope(Agency: code), cancellationToken))
        {
            if (!indicators.TryGetValue(owed.Indicator, out var indicator) || !schedules.TryGetValue(owed.Indicator, out var schedule)) continue;
            var place = places.GetValueOrDefault(owed.Place, owed.Place);
            foreach (var period in Periods(today, indicator.Frequency))
                events.Add(new CalendarEvent($"agency-{code}-return-{owed.Place}-{owed.Indicator}-{period}", schedule.DueDate(period),
                    $"Return due: {indicator.Title}, {place}, {period}",
                    $"{agency.Name}'s return of {indicator.Title} for {place}, period {period}, is on time until the end of this day.",
                    AgencyPaths.OurReturns, 0, null));
        }
        return new Calendar(Name(agency), AgencyPaths.OurReturns, events);
    }

    private static IEnumerable<Period> Periods(DateOnly today, Frequency frequency)
    {
        var period = Period.Containing(today, frequency);
        for (var i = 0; i < Ended; i++) period = period.Previous();
        for (var i = 0; i < Ended + 1 + Ahead; i++, period = period.Next()) yield return period;
    }
}
