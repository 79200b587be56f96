namespace Scrutiny.Silo.Store;

/// <summary>The places and indicators an agency may submit returns for.</summary>
public sealed record AgencyScope(IReadOnlySet<string> Places, IReadOnlySet<string> Indicators);
