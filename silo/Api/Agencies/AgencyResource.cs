using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Api.Agencies;

/// <summary>
/// An agency and what it may submit: <see cref="Places"/> are the places of the partnership boards it sits on,
/// <see cref="Indicators"/> the indicators assigned to it.
/// </summary>
public sealed record AgencyResource(string Code, string Name, string Sector, IReadOnlyList<string> Places, IReadOnlyList<string> Indicators)
{
    public static AgencyResource From(Agency agency, AgencyScope scope) =>
        new(agency.Code, agency.Name, agency.Sector,
            [.. scope.Places.Order(StringComparer.Ordinal)], [.. scope.Indicators.Order(StringComparer.Ordinal)]);
}

/// <summary>An agency as an administrator sends it; every field may be missing so that each can be named.</summary>
public sealed record AgencyBody(string? Code, string? Name, string? Sector, IReadOnlyList<string?>? Places, IReadOnlyList<string?>? Indicators);
