using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Comparisons;

/// <summary>What places are compared: every place of one type, or a comparator group.</summary>
public enum ScopeKind
{
    Type,
    Group,
}

/// <summary>
/// The places of a comparison. A comparator group includes the place it was made for (<see cref="HomePlace"/>), as
/// Fingertips ranks an area among its neighbours; a type has no home place.
/// </summary>
public sealed record ComparisonScope(ScopeKind Kind, string Id, string Name, IReadOnlyList<Place> Places, string? HomePlace);
