namespace Scrutiny.Silo.Schedule;

/// <summary>Completeness and timeliness of one place's returns for one period, indicator by indicator.</summary>
public sealed record PlaceCompleteness(string Place, string Period, DateOnly AsOf, IReadOnlyList<IndicatorCompleteness> Indicators);

/// <summary>One indicator's expected agencies for the period, and the counts a scrutiny panel asks for.</summary>
public sealed record IndicatorCompleteness(string Indicator, DateOnly DueDate, DateOnly? LockedFrom, IReadOnlyList<ExpectedReturn> Agencies)
{
    public int Expected => Agencies.Count;
    public int Received => Agencies.Count(a => a.Received);
    public int OnTime => Agencies.Count(a => a.OnTime == true);
    public int Late => Agencies.Count(a => a.OnTime == false);
    public int Missing => Expected - Received;

    /// <summary>Of the missing, how many are past their due date (the rest are not yet due).</summary>
    public int Overdue => Agencies.Count(a => a.Status == ReturnStatus.Overdue);
}

/// <summary>"Our returns": every return one agency owes over its indicators' recent periods.</summary>
/// <param name="Periods">How many recent ended periods of each indicator are listed.</param>
public sealed record AgencyReturns(string Agency, DateOnly AsOf, int Periods, IReadOnlyList<ExpectedReturn> Returns);
