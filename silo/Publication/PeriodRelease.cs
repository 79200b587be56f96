namespace Scrutiny.Silo.Publication;

/// <summary>One period of an indicator released by an administrator: public in every place from then on.</summary>
public sealed record PeriodRelease(string Indicator, string Period, string ReleasedBy, DateTimeOffset ReleasedAt);

/// <summary>The body of <c>POST /api/v1/indicators/{code}/releases</c> and of the dashboard's release form.</summary>
public sealed record ReleaseRequest(string? Period);
